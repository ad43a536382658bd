namespace BnnCompiler.Isa;

/// <summary>
/// <c>transfer</c>: moves <see cref="Bits"/> over the global interconnect between the global buffer side and
/// <see cref="Tiles"/> (a multicast when going down), crossing <see cref="Hops"/> routers or H-tree levels.
/// </summary>
public sealed record TransferInstruction(TransferDirection Direction, ValueList<int> Tiles, long Bits, int Hops, ValueList<int> After)
    : Instruction(After)
{
    public override string Mnemonic => "transfer";
}
