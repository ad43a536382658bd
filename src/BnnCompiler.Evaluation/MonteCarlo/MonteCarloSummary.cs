namespace BnnCompiler.Evaluation.MonteCarlo;

/// <summary>The figures of a <see cref="MonteCarloResult"/> that reports keep: top-1 statistics and each trial's top-1.</summary>
public sealed record MonteCarloSummary(
    int Trials,
    int Seed,
    double MeanTop1,
    double StdTop1,
    double? Ci95Low,
    double? Ci95High,
    IReadOnlyList<double> PerTrialTop1)
{
    public static MonteCarloSummary From(MonteCarloResult result) => new(
        result.Trials.Count,
        result.Seed,
        result.Top1.Mean,
        result.Top1.StandardDeviation,
        result.Top1.Ci95Low,
        result.Top1.Ci95High,
        result.Trials.Select(t => t.Top1).ToList());
}
