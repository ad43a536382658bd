namespace BnnCompiler.Mapping.Cells;

/// <summary>A physical cell of a subarray: word-line row and bit-line column.</summary>
public readonly record struct CellPosition(int Row, int Column);
