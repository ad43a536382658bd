using BnnCompiler.Mapping.Cells;

namespace BnnCompiler.Mapping.Repair;

/// <summary>
/// Where one block's cells go on its fabricated subarray. <see cref="RowOf"/>[r] is the physical row that holds geometry
/// row r (the input gather drives it with that row's bit or complement); weight column c of the block sits in physical
/// column slot <see cref="SlotOf"/>[c] (a slot is the <see cref="CellGeometry.ColumnsPerWeight"/> columns of one weight;
/// slots beyond the array's are the spare columns); <see cref="Flip"/>[c] stores column c's weights negated (its
/// partial sum is subtracted instead of added, which is the downstream threshold's sign flipped). The reference column
/// of one_cell_reference stays where it is. The identity is the naive mapping.
/// </summary>
public sealed record SubarrayRepair(CellGeometry Geometry, int PhysicalRows, int PhysicalColumns, int[] RowOf, int[] SlotOf, bool[] Flip)
{
    /// <summary>Weight column slots of the array proper.</summary>
    public int WeightSlots => SlotOf.Length;

    /// <summary>Slots the fabricated subarray offers: the array's and the whole spare ones.</summary>
    public int PhysicalSlots => WeightSlots + ((PhysicalColumns - Geometry.Columns) / Geometry.ColumnsPerWeight);

    /// <summary>The naive mapping on a subarray of the given fabricated size (spares unused).</summary>
    public static SubarrayRepair Identity(CellGeometry geometry, int physicalRows, int physicalColumns)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var slots = (geometry.Columns - (geometry.ReferenceColumn is null ? 0 : 1)) / geometry.ColumnsPerWeight;
        return new SubarrayRepair(geometry, physicalRows, physicalColumns,
            [.. Enumerable.Range(0, geometry.Rows)], [.. Enumerable.Range(0, slots)], new bool[slots]);
    }

    /// <summary>The first physical column of a slot.</summary>
    public int SlotColumn(int slot) => slot < WeightSlots
        ? slot * Geometry.ColumnsPerWeight
        : Geometry.Columns + ((slot - WeightSlots) * Geometry.ColumnsPerWeight);

    /// <summary>The physical column holding geometry column <paramref name="column"/>.</summary>
    public int PhysicalColumn(int column)
    {
        var cpw = Geometry.ColumnsPerWeight;
        var (slot, offset) = Math.DivRem(column, cpw);
        return slot < WeightSlots ? SlotColumn(SlotOf[slot]) + offset : column;
    }

    /// <summary>The physical cell holding geometry cell <paramref name="cell"/>.</summary>
    public CellPosition Physical(CellPosition cell) => new(RowOf[cell.Row], PhysicalColumn(cell.Column));

    /// <summary>True when geometry column <paramref name="column"/> belongs to a flipped weight column.</summary>
    public bool Flipped(int column)
    {
        var slot = column / Geometry.ColumnsPerWeight;
        return slot < WeightSlots && Flip[slot];
    }

    /// <summary>The programmed state of a geometry cell after the flip of its column (On and Off swap).</summary>
    public static CellState Programmed(CellState logical, bool flipped) => !flipped ? logical : logical switch
    {
        CellState.On => CellState.Off,
        CellState.Off => CellState.On,
        _ => logical,
    };

    /// <summary>
    /// The fabricated subarray's programmed cells, row-major <see cref="PhysicalRows"/> × <see cref="PhysicalColumns"/>,
    /// from the block's geometry cells (row-major <see cref="CellGeometry.Rows"/> × <see cref="CellGeometry.Columns"/>):
    /// moved, flipped; cells no weight uses stay <see cref="CellState.Empty"/>.
    /// </summary>
    public CellState[] Place(ReadOnlySpan<CellState> logical)
    {
        var columns = Geometry.Columns;
        var physical = new CellState[PhysicalRows * PhysicalColumns];
        for (var r = 0; r < Geometry.Rows; r++)
        {
            var row = RowOf[r] * PhysicalColumns;
            for (var c = 0; c < columns; c++)
            {
                physical[row + PhysicalColumn(c)] = Programmed(logical[(r * columns) + c], Flipped(c));
            }
        }

        return physical;
    }
}
