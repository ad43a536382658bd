namespace BnnCompiler.Isa;

/// <summary>
/// <c>activate</c>: an element-wise digital operation (threshold / sign, batch norm, scaling, a kept-digital layer)
/// of IR node <see cref="Node"/> (op <see cref="Op"/>) on <see cref="Elements"/> values, by the units of tile
/// <see cref="Tile"/> (or the chip's, <see cref="Instruction.Chip"/>).
/// </summary>
public sealed record ActivateInstruction(string Node, string Op, int Tile, int Elements, ValueList<int> After) : Instruction(After);
