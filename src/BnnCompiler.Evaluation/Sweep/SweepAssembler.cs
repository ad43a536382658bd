using BnnCompiler.Evaluation.MonteCarlo;

namespace BnnCompiler.Evaluation.Sweep;

/// <summary>
/// Joins the pieces of a sweep run as separate work units: each point's priced row (from its trial 0) and
/// the top-1 of each of its trials. The Monte-Carlo statistics are recomputed from the per-trial values in
/// trial order, so the rows equal an unsharded run's. Lists what is missing instead of guessing.
/// <code>
/// before: rows {p0, p1}, trials {p0: t0,t1,t2; p1: t0,t2}, 2 points × 3 trials
/// after:  missing [point 1 (trial 1)]; with t1 of p1 added: rows p0, p1 with mean/std/CI over 3 trials
/// </code>
/// </summary>
public static class SweepAssembler
{
    /// <summary>What is missing for <paramref name="points"/> points of <paramref name="trials"/> trials (0: no Monte-Carlo).</summary>
    public static IReadOnlyList<SweepMissing> Missing(int points, int trials, IReadOnlyList<SweepRow> rows, IReadOnlyList<SweepTrialValue> values)
    {
        var haveRow = rows.Select(r => r.Index).ToHashSet();
        var haveTrial = values.Select(v => (v.Point, v.Trial)).ToHashSet();
        var missing = new List<SweepMissing>();
        for (var p = 0; p < points; p++)
        {
            var lacking = Enumerable.Range(0, trials).Where(t => !haveTrial.Contains((p, t))).ToList();
            if (!haveRow.Contains(p) || lacking.Count > 0)
            {
                missing.Add(new SweepMissing(p, !haveRow.Contains(p), lacking));
            }
        }

        return missing;
    }

    /// <summary>
    /// The rows of every point, in point order, each with its Monte-Carlo summary when <paramref name="trials"/> &gt; 0.
    /// Throws when anything is missing or given twice (check <see cref="Missing"/> first for a user-facing message).
    /// </summary>
    public static IReadOnlyList<SweepRow> Assemble(int points, int trials, IReadOnlyList<SweepRow> rows, IReadOnlyList<SweepTrialValue> values)
    {
        if (Missing(points, trials, rows, values).Count > 0
            || rows.Count != points
            || values.Count != (trials > 0 ? points * trials : values.Count)
            || rows.GroupBy(r => r.Index).Any(g => g.Count() > 1)
            || values.GroupBy(v => (v.Point, v.Trial)).Any(g => g.Count() > 1))
        {
            throw new InvalidOperationException("the sweep's pieces are incomplete or overlap");
        }

        var byPoint = values.GroupBy(v => v.Point).ToDictionary(g => g.Key, g => g.OrderBy(v => v.Trial).ToList());
        return rows.OrderBy(r => r.Index).Select(r => trials == 0 ? r with { MonteCarlo = null } : r with { MonteCarlo = Summary(byPoint[r.Index]) }).ToList();
    }

    private static MonteCarloSummary Summary(IReadOnlyList<SweepTrialValue> values)
    {
        var top1 = values.Select(v => v.Top1).ToList();
        var statistics = TrialStatistics.Of(top1);
        return new MonteCarloSummary(values.Count, values[0].Seed, statistics.Mean, statistics.StandardDeviation, statistics.Ci95Low, statistics.Ci95High, top1);
    }
}
