namespace BnnCompiler.Evaluation.MonteCarlo;

/// <summary>
/// One Monte-Carlo trial: the simulator built with trial index <paramref name="Trial"/> (its random draws are
/// seeded from <c>non_idealities.seed + Trial</c>) run over every sample, and its top-1 predictions.
/// </summary>
public sealed record TrialResult(int Trial, int Samples, int Correct, int Agreeing, int[] Predictions)
{
    public double Top1 => Samples == 0 ? 0 : (double)Correct / Samples;

    /// <summary>Fraction of samples whose prediction equals ONNX Runtime's.</summary>
    public double Agreement => Samples == 0 ? 0 : (double)Agreeing / Samples;
}
