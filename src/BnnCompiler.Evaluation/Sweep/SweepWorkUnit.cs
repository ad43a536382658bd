namespace BnnCompiler.Evaluation.Sweep;

/// <summary>
/// The smallest piece of a sweep a task can run: one Monte-Carlo trial of one point. Trial 0 is the run that is
/// priced (it gives the point's row); trial t ≥ 1 adds one top-1 to the point's statistics.
/// <paramref name="ExpectedCost"/> is in the relative units of <see cref="SweepCostEstimate"/>.
/// </summary>
public sealed record SweepWorkUnit(int Point, int Trial, double ExpectedCost);
