namespace BnnCompiler.Mapping.Repair;

/// <summary>
/// The linear assignment problem: give each of n workers its own one of m ≥ n jobs so that the summed cost is least.
/// Hungarian method with row and column potentials and shortest augmenting paths, O(n²·m): each worker in turn is
/// added and the cheapest alternating path to a free job is found by a Dijkstra-like scan over reduced costs.
/// The repair passes solve one problem per subarray of at most a few hundred rows or columns (milliseconds each),
/// so a hand-written solver serves; an external native solver would add nothing but a runtime dependency.
/// Ties are broken towards the lowest job index, so the result is deterministic.
/// </summary>
public static class AssignmentSolver
{
    /// <summary>The job of each worker, for a cost matrix [worker, job] of n × m (n ≤ m), row-major.</summary>
    public static int[] Solve(ReadOnlySpan<long> cost, int workers, int jobs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workers);
        ArgumentOutOfRangeException.ThrowIfLessThan(jobs, workers);
        if (cost.Length != workers * jobs)
        {
            throw new ArgumentException($"{cost.Length} costs for {workers} x {jobs}", nameof(cost));
        }

        // 1-based: job 0 is the virtual start of each augmenting path.
        var u = new long[workers + 1];
        var v = new long[jobs + 1];
        var owner = new int[jobs + 1];   // worker holding job j, 0 = free
        var way = new int[jobs + 1];
        var minv = new long[jobs + 1];
        var used = new bool[jobs + 1];
        for (var i = 1; i <= workers; i++)
        {
            owner[0] = i;
            var j0 = 0;
            Array.Fill(minv, long.MaxValue);
            Array.Clear(used);
            do
            {
                used[j0] = true;
                var i0 = owner[j0];
                var delta = long.MaxValue;
                var j1 = 0;
                var row = (i0 - 1) * jobs;
                for (var j = 1; j <= jobs; j++)
                {
                    if (used[j])
                    {
                        continue;
                    }

                    var reduced = cost[row + j - 1] - u[i0] - v[j];
                    if (reduced < minv[j])
                    {
                        minv[j] = reduced;
                        way[j] = j0;
                    }

                    if (minv[j] < delta)
                    {
                        delta = minv[j];
                        j1 = j;
                    }
                }

                for (var j = 0; j <= jobs; j++)
                {
                    if (used[j])
                    {
                        u[owner[j]] += delta;
                        v[j] -= delta;
                    }
                    else
                    {
                        minv[j] -= delta;
                    }
                }

                j0 = j1;
            }
            while (owner[j0] != 0);

            do
            {
                var j1 = way[j0];
                owner[j0] = owner[j1];
                j0 = j1;
            }
            while (j0 != 0);
        }

        var result = new int[workers];
        for (var j = 1; j <= jobs; j++)
        {
            if (owner[j] != 0)
            {
                result[owner[j] - 1] = j - 1;
            }
        }

        return result;
    }

    /// <summary>The summed cost of an assignment.</summary>
    public static long Total(ReadOnlySpan<long> cost, int jobs, ReadOnlySpan<int> assignment)
    {
        var total = 0L;
        for (var i = 0; i < assignment.Length; i++)
        {
            total += cost[(i * jobs) + assignment[i]];
        }

        return total;
    }
}
