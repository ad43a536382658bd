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

    /// <summary>Scores simulated predictions against the dataset's labels (when it has them) and ONNX Runtime's predictions.</summary>
    public static AccuracyResult From(SampleFeeder feeder, int[] reference, int[] simulated)
    {
        ArgumentNullException.ThrowIfNull(feeder);
        var agree = Enumerable.Range(0, reference.Length).Count(i => reference[i] == simulated[i]);
        return new AccuracyResult(reference.Length, feeder.CountCorrect(reference), feeder.CountCorrect(simulated), agree, reference, simulated);
    }
}
