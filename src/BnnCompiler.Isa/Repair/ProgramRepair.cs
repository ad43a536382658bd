using BnnCompiler.Hardware;

namespace BnnCompiler.Isa.Repair;

/// <summary>
/// The repair plan a program carries (<c>bnnc compile --repair MODE</c>, docs/repair.md): the chip it was planned for
/// (<see cref="Defects"/>: the defect map file, or <c>drawn</c> from the spec's stuck-at rates with <see cref="Seed"/> and
/// <see cref="Trial"/>) and, per block of every copy of every crossbar layer, where its cells went and how its columns are
/// read (<see cref="BlockPlacement"/>). Written after the stages in format version
/// <see cref="MappedProgram.RepairFormatVersion"/>.
/// </summary>
public sealed record ProgramRepair(RepairMode Mode, int Seed, int Trial, string Defects, ValueList<BlockPlacement> Blocks)
{
    /// <summary>The <see cref="Defects"/> of a chip whose stuck cells were drawn from the spec's rates.</summary>
    public const string Drawn = "drawn";

    /// <summary>The placement of block (<paramref name="rowBlock"/>, <paramref name="columnBlock"/>) of copy
    /// <paramref name="copy"/> of <paramref name="layer"/>, or null.</summary>
    public BlockPlacement? Find(string layer, int rowBlock, int columnBlock, int copy = 0) =>
        Blocks.FirstOrDefault(b => b.Layer == layer && b.Copy == copy && b.RowBlock == rowBlock && b.ColumnBlock == columnBlock);

    /// <summary>The first copy's blocks: those the simulator reads (and the evaluate report counts).</summary>
    public IEnumerable<BlockPlacement> FirstCopy => Blocks.Where(b => b.Copy == 0);

    /// <summary>Weight errors left over the first copy's blocks (what the repair could not avoid; the evaluate report's figure).</summary>
    public long Errors => FirstCopy.Sum(b => b.Errors);
}
