namespace BnnCompiler.Mapping.Repair;

/// <summary>
/// What repair did to a block (or a sum of blocks): stuck cells of the fabricated subarrays, weight errors of the naive
/// mapping (programmed cells stuck at the other state), those left after repair (what could not be repaired) and the
/// blocks moved onto a spare subarray (<c>pe.spare_subarrays</c>; their errors left are those on the spare).
/// </summary>
public sealed record RepairCounts(long StuckCells, long NaiveErrors, long RepairedErrors, long MovedBlocks = 0)
{
    public static RepairCounts Zero { get; } = new(0, 0, 0);

    public RepairCounts Add(RepairCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(StuckCells + other.StuckCells, NaiveErrors + other.NaiveErrors, RepairedErrors + other.RepairedErrors, MovedBlocks + other.MovedBlocks);
    }
}
