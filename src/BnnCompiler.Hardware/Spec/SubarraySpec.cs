namespace BnnCompiler.Hardware;

/// <summary>One crossbar (<c>subarray.*</c>).</summary>
public sealed record SubarraySpec
{
    public required int Rows { get; init; }

    public required int Columns { get; init; }

    /// <summary>Rows driven in one read (all rows unless <c>subarray.parallel_rows</c> says fewer).</summary>
    public required int ParallelRows { get; init; }

    public int Cells => Rows * Columns;
}
