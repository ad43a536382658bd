namespace BnnCompiler.Evaluation;

/// <summary>Top-1 of ONNX Runtime and of the IR interpreter over a dataset, and where they disagree.</summary>
public sealed record ReferenceResult(
    int Samples,
    int OnnxRuntimeCorrect,
    int InterpreterCorrect,
    IReadOnlyList<int> Disagreements,
    int[] OnnxRuntimePredictions,
    int[] InterpreterPredictions)
{
    public double OnnxRuntimeTop1 => Samples == 0 ? 0 : (double)OnnxRuntimeCorrect / Samples;

    public double InterpreterTop1 => Samples == 0 ? 0 : (double)InterpreterCorrect / Samples;
}
