namespace BnnCompiler.Mapping.Cells;

/// <summary>Builds a block's cell states and packed words from the layer's signs ([N, K] row-major, ±1).</summary>
internal static class BlockContents
{
    public static SubarrayCells Cells(CellGeometry geometry, sbyte[] signs, int k, SubarrayBlock block)
    {
        var states = new CellState[geometry.Rows * geometry.Columns];
        for (var c = 0; c < block.ColumnCount; c++)
        {
            var rowOfSigns = (long)(block.ColumnStart + c) * k;
            for (var r = 0; r < block.RowCount; r++)
            {
                var positive = signs[rowOfSigns + block.RowStart + r] > 0;
                var p = geometry.PositiveCell(r, c);
                states[(p.Row * geometry.Columns) + p.Column] = positive ? CellState.On : CellState.Off;
                if (geometry.NegativeCell(r, c) is { } n)
                {
                    states[(n.Row * geometry.Columns) + n.Column] = positive ? CellState.Off : CellState.On;
                }
            }
        }

        if (geometry.ReferenceColumn is { } reference)
        {
            for (var r = 0; r < block.RowCount; r++)
            {
                states[(r * geometry.Columns) + reference] = CellState.Reference;
            }
        }

        return new SubarrayCells(geometry.Rows, geometry.Columns, states);
    }

    public static PackedBlock Pack(sbyte[] signs, int k, SubarrayBlock block)
    {
        var wordsPerColumn = (block.RowCount + 63) / 64;
        var words = new ulong[wordsPerColumn * block.ColumnCount];
        for (var c = 0; c < block.ColumnCount; c++)
        {
            var rowOfSigns = (long)(block.ColumnStart + c) * k;
            for (var r = 0; r < block.RowCount; r++)
            {
                if (signs[rowOfSigns + block.RowStart + r] > 0)
                {
                    words[(c * wordsPerColumn) + (r >> 6)] |= 1UL << (r & 63);
                }
            }
        }

        return new PackedBlock(block.RowStart, block.RowCount, block.ColumnStart, block.ColumnCount, wordsPerColumn, words);
    }
}
