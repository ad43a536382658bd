namespace BnnCompiler.Isa;

/// <summary>
/// <c>load</c>: the tile input buffer of <see cref="Tile"/> streams one pixel's input codes (<see cref="Bits"/> =
/// the PEs' weight rows × input bit planes) to the input buffers of <see cref="Pes"/> (one PE row, a multicast).
/// </summary>
public sealed record LoadInstruction(int Tile, ValueList<int> Pes, long Bits, ValueList<int> After) : Instruction(After)
{
    public override string Mnemonic => "load";
}
