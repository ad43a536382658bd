namespace BnnCompiler.Mapping;

/// <summary>
/// One block of a layer's K × N weight matrix held by one subarray: weight rows (inputs k)
/// [<see cref="RowStart"/>, <see cref="RowEnd"/>) and weight columns (outputs n)
/// [<see cref="ColumnStart"/>, <see cref="ColumnEnd"/>) of copy <see cref="Copy"/>. The block sits at the
/// subarray's top-left corner (local weight row r ↔ input k = RowStart + r); <see cref="Cells.CellGeometry"/>
/// says which physical cells hold each weight. Blocks in the same <see cref="ColumnBlock"/> but different
/// <see cref="RowBlock"/>s produce partial sums of the same outputs that must be added digitally.
/// </summary>
public sealed record SubarrayBlock(
    int Copy,
    int RowBlock,
    int ColumnBlock,
    int RowStart,
    int RowCount,
    int ColumnStart,
    int ColumnCount,
    SubarrayAddress Address)
{
    public int RowEnd => RowStart + RowCount;

    public int ColumnEnd => ColumnStart + ColumnCount;

    /// <summary>±1 weights the block holds.</summary>
    public int Weights => RowCount * ColumnCount;
}
