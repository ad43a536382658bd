using BnnCompiler.Hardware;

namespace BnnCompiler.Mapping.Cells;

/// <summary>
/// Where the cells of local weight (r, c) of a block sit in a subarray of <see cref="Rows"/> × <see cref="Columns"/> cells,
/// per <c>weights.mapping</c> and <c>weights.pair_layout</c>:
/// <list type="bullet">
/// <item>two cells, pair in rows: positive cell (2r, c), negative cell (2r+1, c); row 2r is driven by the input bit,
/// row 2r+1 by its complement, so a column counts XNOR matches;</item>
/// <item>two cells, pair in columns: positive cell (r, 2c), negative cell (r, 2c+1); the two columns are subtracted;</item>
/// <item>one cell + reference: the cell (r, c), On for +1 and Off for −1; the last column is the reference column
/// (Reference cells in the block's used rows), subtracted from every column.</item>
/// </list>
/// For weight +1 the positive cell is On and the negative cell Off; for −1 the other way round.
/// </summary>
public sealed record CellGeometry(WeightMappingMode Mode, PairLayout PairLayout, int Rows, int Columns)
{
    public static CellGeometry From(HardwareSpec spec) =>
        new(spec.Weights.Mode, spec.Weights.PairLayout, spec.Subarray.Rows, spec.Subarray.Columns);

    public bool IsTwoCell => Mode != WeightMappingMode.OneCellReference;

    public int RowsPerWeight => IsTwoCell && PairLayout == PairLayout.Rows ? 2 : 1;

    public int ColumnsPerWeight => IsTwoCell && PairLayout == PairLayout.Columns ? 2 : 1;

    /// <summary>The reference column (the subarray's last) in one_cell_reference mode, else null.</summary>
    public int? ReferenceColumn => IsTwoCell ? null : Columns - 1;

    /// <summary>The cell that is On when the weight is +1.</summary>
    public CellPosition PositiveCell(int row, int column) => new(row * RowsPerWeight, column * ColumnsPerWeight);

    /// <summary>The cell that is On when the weight is −1 (two-cell modes), or null with one cell per weight.</summary>
    public CellPosition? NegativeCell(int row, int column) =>
        !IsTwoCell ? null
        : PairLayout == PairLayout.Rows ? new CellPosition((row * 2) + 1, column)
        : new CellPosition(row, (column * 2) + 1);
}
