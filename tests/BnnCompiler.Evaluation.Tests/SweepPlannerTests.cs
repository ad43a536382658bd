using BnnCompiler.Evaluation.MonteCarlo;
using BnnCompiler.Evaluation.Sweep;

namespace BnnCompiler.Evaluation.Tests;

/// <summary>
/// Work units spread over tasks by expected cost (each unit once, loads within one unit of each other), and the
/// assembly of rows and per-trial values into the unsharded statistics, with what is missing named.
/// </summary>
public sealed class SweepPlannerTests
{
    private static readonly IReadOnlyList<SweepPoint> Points =
        Enumerable.Range(0, 6).Select(i => new SweepPoint(i, [new("readout.adc_bits", (3 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))])).ToList();

    [Fact]
    public void Should_Balance_By_Cost_Not_By_Count()
    {
        // Points 4 and 5 cost 10 per trial, the others 1 (48 in all): every third point (--shard) would give 4, 22 and 22.
        var units = SweepPlanner.Units(Points, 2, p => p.Index >= 4 ? 10 : 1);
        var plans = SweepPlanner.Balance(units, 3);
        Assert.Equal(3, plans.Count);
        Assert.Equal(units.OrderBy(u => u.Point).ThenBy(u => u.Trial), plans.SelectMany(p => p.Units).OrderBy(u => u.Point).ThenBy(u => u.Trial));
        Assert.Equal(new[] { 20.0, 14, 14 }, plans.Select(p => p.ExpectedCost).OrderDescending());
        Assert.Equal(Serialized(plans), Serialized(SweepPlanner.Balance(units, 3)));
    }

    [Fact]
    public void Should_Not_Make_More_Tasks_Than_Units() =>
        Assert.Equal(6, SweepPlanner.Balance(SweepPlanner.Units(Points, 0, _ => 1), 50).Count);

    [Fact]
    public void Should_Recompute_Statistics_From_Trial_Values_And_Name_What_Is_Missing()
    {
        var rows = Points.Take(2).Select(p => Row(p.Index)).ToList();
        var top1 = new[] { 0.5, 0.75, 0.25 };
        var values = Enumerable.Range(0, 2).SelectMany(p => top1.Select((v, t) => new SweepTrialValue(p, t, 42, v + p / 8.0))).ToList();
        Assert.Empty(SweepAssembler.Missing(2, 3, rows, values));

        var merged = SweepAssembler.Assemble(2, 3, rows, values);
        var expected = TrialStatistics.Of([0.5 + 1 / 8.0, 0.75 + 1 / 8.0, 0.25 + 1 / 8.0]);
        var m = merged[1].MonteCarlo!;
        Assert.Equal((3, 42, expected.Mean, expected.StandardDeviation, expected.Ci95Low, expected.Ci95High), (m.Trials, m.Seed, m.MeanTop1, m.StdTop1, m.Ci95Low, m.Ci95High));
        Assert.Equal(0.625, m.MeanTop1, 12);

        var partial = values.Where(v => !(v.Point == 1 && v.Trial == 2)).ToList();
        Assert.Equal(["point 1 (trial 2)", "point 2 (trials 0,1,2)"], SweepAssembler.Missing(3, 3, rows, partial).Select(x => x.ToString()));
        Assert.Throws<InvalidOperationException>(() => SweepAssembler.Assemble(2, 3, rows, partial));
        Assert.Throws<InvalidOperationException>(() => SweepAssembler.Assemble(2, 3, [.. rows, rows[0]], values));
    }

    private static string Serialized(IReadOnlyList<SweepTaskPlan> plans) =>
        string.Join(";", plans.Select(p => string.Join(",", p.Units.Select(u => $"{u.Point}/{u.Trial}"))));

    private static SweepRow Row(int index)
    {
        return new SweepRow(index, new Dictionary<string, string>(), 8, 1, 0.5, 0.5, null!, [], "none");
    }
}
