namespace BnnCompiler.Mapping.Cells;

/// <summary>The state of every physical cell of one subarray, row-major: <c>States[row · Columns + column]</c>.</summary>
public sealed record SubarrayCells(int Rows, int Columns, CellState[] States)
{
    public CellState this[int row, int column] => States[(row * Columns) + column];
}
