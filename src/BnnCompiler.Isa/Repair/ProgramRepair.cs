using BnnCompiler.Hardware;

namespace BnnCompiler.Isa.Repair;

/// <summary>
/// The repair plan a program carries (<c>bnnc compile --repair MODE</c>, docs/repair.md): the chip it was planned for
/// (<see cref="Defects"/>: the defect map file, or <c>drawn</c> from the spec's stuck-at rates with <see cref="Seed"/> and
/// <see cref="Trial"/>) and, per first-copy block of every crossbar layer, where its cells went and how its columns are
/// read (<see cref="BlockPlacement"/>). Written after the stages in format version
/// <see cref="MappedProgram.RepairFormatVersion"/>.
/// </summary>
public sealed record ProgramRepair(RepairMode Mode, int Seed, int Trial, string Defects, ValueList<BlockPlacement> Blocks)
{
    /// <summary>The <see cref="Defects"/> of a chip whose stuck cells were drawn from the spec's rates.</summary>
    public const string Drawn = "drawn";

    /// <summary>The placement of block (<paramref name="rowBlock"/>, <paramref name="columnBlock"/>) of <paramref name="layer"/>, or null.</summary>
    public BlockPlacement? Find(string layer, int rowBlock, int columnBlock) =>
        Blocks.FirstOrDefault(b => b.Layer == layer && b.RowBlock == rowBlock && b.ColumnBlock == columnBlock);

    /// <summary>Weight errors left over all blocks (what the repair could not avoid).</summary>
    public long Errors => Blocks.Sum(b => b.Errors);
}
