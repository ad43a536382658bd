namespace BnnCompiler.Hardware;

/// <summary>One crossbar (<c>subarray.*</c>).</summary>
public sealed record SubarraySpec
{
    public required int Rows { get; init; }

    public required int Columns { get; init; }

    /// <summary>Rows driven in one read (all rows unless <c>subarray.parallel_rows</c> says fewer).</summary>
    public required int ParallelRows { get; init; }

    /// <summary>Spare rows below the array (<c>subarray.spare_rows</c>), used by fault-aware mapping.</summary>
    public int SpareRows { get; init; }

    /// <summary>Spare columns right of the array (<c>subarray.spare_columns</c>), used by fault-aware mapping.</summary>
    public int SpareColumns { get; init; }

    public int Cells => Rows * Columns;

    /// <summary>Rows of the fabricated array, spares included.</summary>
    public int PhysicalRows => Rows + SpareRows;

    /// <summary>Columns of the fabricated array, spares included.</summary>
    public int PhysicalColumns => Columns + SpareColumns;

    /// <summary>The fabricated array, spares included, as one subarray of that size (what the cost model prices).</summary>
    public SubarraySpec Physical => this with { Rows = PhysicalRows, Columns = PhysicalColumns, SpareRows = 0, SpareColumns = 0 };
}
