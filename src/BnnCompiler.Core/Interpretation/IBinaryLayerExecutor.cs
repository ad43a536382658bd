namespace BnnCompiler.Core.Interpretation;

/// <summary>
/// Computes one binary layer's output (before α and bias) from its input tensor: the interpreter's exact
/// integer kernel by default, or a hardware model (crossbar reads, ADC quantisation) supplied by the simulator.
/// Implementations must be safe to call from several threads at once.
/// </summary>
public interface IBinaryLayerExecutor
{
    void Execute(ReadOnlySpan<float> input, float[] output);

    /// <summary>True when <see cref="Execute"/> writes every output element (the interpreter then reuses the array
    /// without clearing it); false (the default) when it may add into elements it expects to be zero.</summary>
    bool OverwritesOutput => false;
}
