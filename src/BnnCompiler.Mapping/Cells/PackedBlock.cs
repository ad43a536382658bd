namespace BnnCompiler.Mapping.Cells;

/// <summary>
/// A block's ±1 weights packed for bitwise arithmetic: for local column c (output n = ColumnStart + c) the words
/// <c>Words[c · WordsPerColumn .. (c+1) · WordsPerColumn)</c> hold local rows 0, 1, … (input k = RowStart + r) as
/// bits r % 64 of word r / 64; bit = 1 for +1, 0 for −1; padding bits past RowCount are 0. A bipolar dot product
/// over the block is then <c>2 · popcount(xnor(x, w) masked to RowCount) − RowCount</c>.
/// </summary>
public sealed record PackedBlock(int RowStart, int RowCount, int ColumnStart, int ColumnCount, int WordsPerColumn, ulong[] Words)
{
    public bool IsPositive(int row, int column) => ((Words[(column * WordsPerColumn) + (row >> 6)] >> (row & 63)) & 1UL) != 0;
}
