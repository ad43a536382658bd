namespace BnnCompiler.Evaluation;

/// <summary>
/// Simulated top-1 against ONNX Runtime's over one dataset (null without labels), their agreement, and the per-sample
/// predictions.
/// </summary>
public sealed record AccuracyResult(
    int Samples,
    int? ReferenceCorrect,
    int? SimulatedCorrect,
    int Agreeing,
    int[] ReferencePredictions,
    int[] SimulatedPredictions)
{
    public double? ReferenceTop1 => Samples == 0 ? 0 : (double?)ReferenceCorrect / Samples;

    public double? SimulatedTop1 => Samples == 0 ? 0 : (double?)SimulatedCorrect / Samples;

    public double Agreement => Samples == 0 ? 0 : (double)Agreeing / Samples;
}
