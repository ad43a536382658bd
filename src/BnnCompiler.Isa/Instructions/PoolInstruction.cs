namespace BnnCompiler.Isa;

/// <summary>
/// <c>pool</c>: folds one output pixel's <see cref="Elements"/> values into the running pooling windows of IR node
/// <see cref="Node"/> (<see cref="Op"/>: max_pool or avg_pool), on tile <see cref="Tile"/>'s pooling units.
/// </summary>
public sealed record PoolInstruction(string Node, string Op, int Tile, int Elements, ValueList<int> After) : Instruction(After);
