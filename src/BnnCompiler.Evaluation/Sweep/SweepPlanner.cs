namespace BnnCompiler.Evaluation.Sweep;

/// <summary>
/// Splits a sweep into work units (one per point and trial) and spreads them over a number of tasks so that
/// every task carries about the same expected cost: longest first, each unit to the task with the least cost
/// so far (ties to the lower task). Deterministic for the same points, trials and costs.
/// <code>
/// before: 4 points × 3 trials, costs 1,1,4,4 per trial; 3 tasks
/// after:  task 0: p2 t0,p3 t1 …  (each task ≈ 10 units of cost), every (point, trial) in exactly one task
/// </code>
/// </summary>
public static class SweepPlanner
{
    /// <summary>The units of every point: trials 0 … max(trials, 1) − 1, each with its point's cost per trial.</summary>
    public static IReadOnlyList<SweepWorkUnit> Units(IReadOnlyList<SweepPoint> points, int trials, Func<SweepPoint, double> costPerTrial)
    {
        var units = new List<SweepWorkUnit>();
        foreach (var point in points)
        {
            var cost = costPerTrial(point);
            for (var t = 0; t < Math.Max(trials, 1); t++)
            {
                units.Add(new SweepWorkUnit(point.Index, t, cost));
            }
        }

        return units;
    }

    /// <summary>
    /// Balances the units over <paramref name="tasks"/> tasks (fewer when there are fewer units, so no task is
    /// empty). Within a task the units run point by point, trial by trial.
    /// </summary>
    public static IReadOnlyList<SweepTaskPlan> Balance(IReadOnlyList<SweepWorkUnit> units, int tasks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tasks, 1);
        var count = Math.Min(tasks, Math.Max(units.Count, 1));
        var loads = new double[count];
        var assigned = Enumerable.Range(0, count).Select(_ => new List<SweepWorkUnit>()).ToArray();
        foreach (var unit in units.OrderByDescending(u => u.ExpectedCost).ThenBy(u => u.Point).ThenBy(u => u.Trial))
        {
            var least = 0;
            for (var k = 1; k < count; k++)
            {
                if (loads[k] < loads[least])
                {
                    least = k;
                }
            }

            assigned[least].Add(unit);
            loads[least] += unit.ExpectedCost;
        }

        return assigned.Select((list, k) => new SweepTaskPlan(k, list.OrderBy(u => u.Point).ThenBy(u => u.Trial).ToList())).ToList();
    }
}
