using BnnCompiler.Mapping;

namespace BnnCompiler.Evaluation.Sweep;

/// <summary>
/// The expected simulation cost of one trial of one point, in relative units, for balancing tasks: the bit-serial
/// crossbar work per image (Σ over layers of rows × columns × output pixels × input bits), times
/// <see cref="AnalogFactor"/> when the spec has non-idealities (the analog path draws and accumulates per cell).
/// </summary>
public static class SweepCostEstimate
{
    /// <summary>
    /// How much slower an image is on the analog path than on the ideal one. The benchmark's ideal / non-ideal
    /// images/s on this project's machine ranged from about 11 (AVX2 kernels: 230 / 21) to 25 (AVX-512: 270 / 11)
    /// (README, Benchmark); the balance needs only the order of magnitude.
    /// </summary>
    public const double AnalogFactor = 20;

    public static double PerTrial(ChipMapping mapping)
    {
        var work = mapping.Layers.Sum(l => (double)l.Rows * l.Columns * l.OutputPixels * l.InputBits);
        return work * (mapping.Spec.NonIdealities.IsIdeal ? 1 : AnalogFactor);
    }
}
