namespace BnnCompiler.Evaluation.MonteCarlo;

/// <summary>
/// Trials of one hardware spec over one dataset: each trial's result, and the statistics of top-1 and of
/// the agreement with ONNX Runtime over the trials. <paramref name="Seed"/> is the spec's
/// <c>non_idealities.seed</c>; trial t draws from seed + t.
/// </summary>
public sealed record MonteCarloResult(int Seed, int Samples, double ReferenceTop1, IReadOnlyList<TrialResult> Trials)
{
    public TrialStatistics Top1 { get; } = TrialStatistics.Of(Trials.Select(t => t.Top1).ToList());

    public TrialStatistics Agreement { get; } = TrialStatistics.Of(Trials.Select(t => t.Agreement).ToList());

    /// <summary>False when the data set has no labels: top-1 is then measured against ONNX Runtime's predictions.</summary>
    public bool Labelled { get; init; } = true;
}
