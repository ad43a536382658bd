namespace BnnCompiler.Isa;

/// <summary>
/// <c>concat</c>: places <see cref="Elements"/> outputs at their offset in the concatenated tensor of IR node
/// <see cref="Node"/> (an address computation in tile <see cref="Tile"/>'s output buffer; takes no cycles).
/// </summary>
public sealed record ConcatInstruction(string Node, int Tile, int Elements, ValueList<int> After) : Instruction(After);
