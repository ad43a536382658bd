namespace BnnCompiler.Evaluation;

/// <summary>
/// Top-1 of ONNX Runtime and of the IR interpreter over a dataset (null without labels), and where they disagree.
/// </summary>
public sealed record ReferenceResult(
    int Samples,
    int? OnnxRuntimeCorrect,
    int? InterpreterCorrect,
    IReadOnlyList<int> Disagreements,
    int[] OnnxRuntimePredictions,
    int[] InterpreterPredictions)
{
    public double? OnnxRuntimeTop1 => Samples == 0 ? 0 : (double?)OnnxRuntimeCorrect / Samples;

    public double? InterpreterTop1 => Samples == 0 ? 0 : (double?)InterpreterCorrect / Samples;

    /// <summary>Share of the samples where the two predictions are the same.</summary>
    public double Agreement => Samples == 0 ? 0 : (double)(Samples - Disagreements.Count) / Samples;
}
