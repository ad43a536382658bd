namespace BnnCompiler.Mapping.Repair;

/// <summary>
/// Which of a PE's blocks move onto which of its spare subarrays: the assignment over the PE's blocks × (spares and
/// their own subarrays) that leaves the fewest weight errors in all. Block i costs E_home(i) staying home (its own
/// subarray, always free to it alone) and E(i, j) on spare j; a spare that leaves no fewer errors than home is never
/// taken. Solved by <see cref="AssignmentSolver"/> on an n × (s + n) matrix (the s spares first, so that equal spares go
/// to the lowest index, then one home per block, forbidden to the others).
/// <code>
///   E_home = [100, 50], one spare with E = [90, 0]:  worst block first moves block 0 (90 + 50 = 140 left);
///   the assignment moves block 1 (100 + 0 = 100 left)
/// </code>
/// </summary>
public static class SpareAssignment
{
    /// <summary>
    /// The spare each block moves onto, or null where it stays home, for <paramref name="home"/>[i] = E_home(i) and
    /// <paramref name="onSpare"/>[i][j] = E(i, j) (n blocks, s spares each).
    /// </summary>
    public static int?[] Solve(IReadOnlyList<long> home, IReadOnlyList<IReadOnlyList<long>> onSpare)
    {
        ArgumentNullException.ThrowIfNull(home);
        ArgumentNullException.ThrowIfNull(onSpare);
        var n = home.Count;
        if (onSpare.Count != n)
        {
            throw new ArgumentException($"{onSpare.Count} rows of spare errors for {n} blocks", nameof(onSpare));
        }

        var spares = n == 0 ? 0 : onSpare[0].Count;
        if (onSpare.Any(row => row.Count != spares))
        {
            throw new ArgumentException("every block needs the errors of every spare", nameof(onSpare));
        }

        // Above any sum of allowed costs: a forbidden pair is never part of an optimum, since every block may stay home.
        var forbidden = home.Sum() + 1;
        var jobs = spares + n;
        var cost = new long[n * jobs];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < jobs; j++)
            {
                cost[(i * jobs) + j] = j < spares
                    ? (onSpare[i][j] < home[i] ? onSpare[i][j] : forbidden)
                    : (j - spares == i ? home[i] : forbidden);
            }
        }

        var job = AssignmentSolver.Solve(cost, n, jobs);
        return [.. job.Select(j => j < spares ? j : (int?)null)];
    }
}
