using BnnCompiler.Mapping;

namespace BnnCompiler.Isa;

/// <summary>
/// <c>accumulate</c>: an adder tree adds <see cref="Operands"/> partial sums (row blocks of one column block) for
/// <see cref="Elements"/> outputs. <see cref="Level"/> is <see cref="AccumulationLevel.Pe"/> (the tree of PE
/// <see cref="Unit"/> / subarray column, in tile <see cref="Tile"/>), <see cref="AccumulationLevel.Tile"/> (tile
/// <see cref="Tile"/>'s tree for column unit <see cref="Unit"/>) or <see cref="AccumulationLevel.Chip"/> (the global
/// accumulation; Tile and Unit are <see cref="Instruction.Chip"/> and 0).
/// </summary>
public sealed record AccumulateInstruction(AccumulationLevel Level, int Tile, int Unit, int Operands, int Elements, ValueList<int> After)
    : Instruction(After);
