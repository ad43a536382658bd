namespace BnnCompiler.Isa;

/// <summary>
/// <c>residual_add</c>: adds the shortcut branch to <see cref="Elements"/> outputs (IR node <see cref="Node"/>), on
/// tile <see cref="Tile"/>'s units.
/// </summary>
public sealed record ResidualAddInstruction(string Node, int Tile, int Elements, ValueList<int> After) : Instruction(After);
