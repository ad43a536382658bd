using BnnCompiler.Mapping.Cells;
using BnnCompiler.Mapping.Repair;

namespace BnnCompiler.Isa.Repair;

/// <summary>
/// One block's repair on the chip (one copy's block of a layer): the fabricated subarray that holds it (<see cref="Tile"/>, <see cref="Pe"/>,
/// <see cref="Subarray"/> numbered as in a defect map, so a PE's spare subarray j is subarrays per PE + j, and
/// <see cref="MovedFrom"/> the block's own subarray when it moved onto a spare), the physical row of each geometry row
/// (<see cref="RowOf"/>), the physical column slot of each weight column (<see cref="SlotOf"/>), the weight columns
/// stored negated (<see cref="Negated"/>: their partial sums enter the digital sum with sign −1), the programmed state
/// of every physical cell (<see cref="Cells"/>, row-major <see cref="Rows"/> × <see cref="Columns"/>), the weight
/// errors (stuck cells of the block's own subarray, errors of the naive mapping, errors left) and, on a calibrated
/// chip, the trim words of each row group (<see cref="Trims"/>).
/// </summary>
public sealed record BlockPlacement
{
    public required string Layer { get; init; }

    /// <summary>The copy of the layer's weights (0: the copy the simulator reads; the others are placed around their own
    /// stuck cells, not moved onto spare subarrays nor calibrated).</summary>
    public int Copy { get; init; }

    public required int RowBlock { get; init; }

    public required int ColumnBlock { get; init; }

    public required int Tile { get; init; }

    public required int Pe { get; init; }

    public required int Subarray { get; init; }

    /// <summary>The block's own subarray when it moved onto a spare subarray of its PE; null when it stayed.</summary>
    public int? MovedFrom { get; init; }

    /// <summary>Physical rows of the fabricated subarray (spare rows included).</summary>
    public required int Rows { get; init; }

    /// <summary>Physical columns of the fabricated subarray (spare columns included).</summary>
    public required int Columns { get; init; }

    public required long StuckCells { get; init; }

    public required long NaiveErrors { get; init; }

    public required long Errors { get; init; }

    public required ValueList<int> RowOf { get; init; }

    public required ValueList<int> SlotOf { get; init; }

    /// <summary>Weight columns (slots of the geometry) stored negated, ascending.</summary>
    public required ValueList<int> Negated { get; init; }

    public required ValueList<CellState> Cells { get; init; }

    /// <summary>Per row group of the block, the calibrated trim words of its columns; empty on a chip not calibrated.</summary>
    public required ValueList<RowGroupTrim> Trims { get; init; }

    /// <summary>The placement as the repair passes express it, on the block's cell geometry.</summary>
    public SubarrayRepair Plan(CellGeometry geometry)
    {
        var flip = new bool[SlotOf.Count];
        foreach (var c in Negated)
        {
            flip[c] = true;
        }

        return new SubarrayRepair(geometry, Rows, Columns, [.. RowOf], [.. SlotOf], flip);
    }

    /// <summary>The programmed state of physical cell (<paramref name="row"/>, <paramref name="column"/>).</summary>
    public CellState At(int row, int column) => Cells[(row * Columns) + column];
}
