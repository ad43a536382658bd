namespace BnnCompiler.Hardware;

/// <summary>How a ±1 weight is laid out in cells and read (<c>weights.*</c>).</summary>
public sealed record WeightMappingSpec
{
    public required WeightMappingMode Mode { get; init; }

    /// <summary>Where the second cell of a two-cell weight sits: the next row or the next column.</summary>
    public required PairLayout PairLayout { get; init; }

    /// <summary>Cells that store one weight: 2 for the two-cell modes, 1 with a reference column.</summary>
    public int CellsPerWeight => Mode == WeightMappingMode.OneCellReference ? 1 : 2;

    /// <summary>Reads of a subarray per input vector: 2 when the two cells are read one after the other.</summary>
    public int ReadsPerInput => Mode == WeightMappingMode.TwoCellsSequential ? 2 : 1;

    public int RowsPerWeight => CellsPerWeight == 2 && PairLayout == PairLayout.Rows ? 2 : 1;

    public int ColumnsPerWeight => CellsPerWeight == 2 && PairLayout == PairLayout.Columns ? 2 : 1;

    /// <summary>Reference (mid-conductance) columns a subarray gives up: 1 in the reference mode, else 0.</summary>
    public int ReferenceColumnsPerSubarray => Mode == WeightMappingMode.OneCellReference ? 1 : 0;
}
