namespace BnnCompiler.Hardware;

/// <summary>
/// The row groups one row block is read in. A group is the set of rows whose drivers are enabled in one read phase,
/// converted on its own; the row drivers enable any set of rows, so a block's rows are grouped in their logical order:
/// a block of <c>rows</c> weight rows with <c>group</c> weight rows driven together takes ⌈rows / group⌉ reads (a block
/// shorter than a group one read, not <c>subarray.rows / subarray.parallel_rows</c>). The simulator converts these
/// groups; the compiler, the timing engine and the cost model charge them.
/// <code>
///   group 32 rows:  block of 9 rows → [9]            block of 64 rows → [32, 32]       block of 40 rows → [32, 8]
/// </code>
/// </summary>
public static class ReadGroups
{
    /// <summary>Reads of a block of <paramref name="blockRows"/> weight rows, <paramref name="groupRows"/> driven together (at least one each).</summary>
    public static int Of(int blockRows, int groupRows)
    {
        var group = Math.Max(1, groupRows);
        return Math.Max(1, (blockRows + group - 1) / group);
    }

    /// <summary>The weight rows of each read of such a block, in row order (every group full but the last).</summary>
    public static IEnumerable<int> Rows(int blockRows, int groupRows)
    {
        var group = Math.Max(1, groupRows);
        return Enumerable.Range(0, Of(blockRows, group)).Select(g => Math.Min(group, blockRows - (g * group)));
    }
}
