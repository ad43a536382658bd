namespace BnnCompiler.Mapping.Defects;

/// <summary>
/// One stuck cell of a defect map: the subarray by its place on the chip (tile id, PE index in the tile, subarray index
/// in the PE, as <see cref="SubarrayAddress"/> numbers them) and the cell's physical row and column, spares included.
/// </summary>
public sealed record DefectEntry(int Tile, int Pe, int Subarray, int Row, int Column, StuckState State)
{
    /// <summary>The line of the file it was read from (1-based), or 0 when it was not read from a file.</summary>
    public int Line { get; init; }
}
