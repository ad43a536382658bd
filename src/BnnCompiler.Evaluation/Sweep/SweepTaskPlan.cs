namespace BnnCompiler.Evaluation.Sweep;

/// <summary>The work units one task (one array task of a job) runs, in run order, and their summed expected cost.</summary>
public sealed record SweepTaskPlan(int Task, IReadOnlyList<SweepWorkUnit> Units)
{
    public double ExpectedCost => Units.Sum(u => u.ExpectedCost);

    /// <summary>The points this task runs at least one trial of.</summary>
    public IReadOnlyList<int> Points => Units.Select(u => u.Point).Distinct().Order().ToList();
}
