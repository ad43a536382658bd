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
    /// How much slower an image is on the analog path than on the ideal one: the benchmark printed 1,624 ideal
    /// and 76 non-ideal images/s for the default model (README, Benchmark), about 21×.
    /// </summary>
    public const double AnalogFactor = 21;

    public static double PerTrial(ChipMapping mapping)
    {
        var work = mapping.Layers.Sum(l => (double)l.Rows * l.Columns * l.OutputPixels * l.InputBits);
        return work * (mapping.Spec.NonIdealities.IsIdeal ? 1 : AnalogFactor);
    }
}
