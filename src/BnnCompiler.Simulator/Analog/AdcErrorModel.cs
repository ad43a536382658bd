using BnnCompiler.Core.Randomness;
using BnnCompiler.Hardware;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// ADC errors. Each ADC instance (one per <c>readout.columns_per_adc</c> physical columns of a subarray) gets an
/// offset o ~ N(0, σ_o) in LSB and a gain error g ~ N(0, σ_g) (relative), drawn once per trial; every
/// conversion adds noise n ~ N(0, σ_n) in LSB. For a column count c (in units of one On cell's current) and the
/// quantizer's level spacing Δ (see <see cref="Functional.AdcQuantizer"/>) the code is
/// <c>clamp(⌊(1 + g)·c/Δ + o + n + ½⌋, 0, 2^b − 1)</c> and the digital side receives code·Δ: the levels of
/// <see cref="Functional.AdcQuantizer"/>, moved by the errors. When g = o = n = 0 and c is a whole count the
/// simulator reads it with <see cref="Functional.AdcQuantizer.Read"/> itself. Offset, gain and noise are the
/// static and dynamic ADC errors of the usual linear ADC model (IEEE Std 1241-2010 terms).
/// </summary>
public sealed record AdcErrorModel(double OffsetSigmaLsb, double GainErrorSigma, double NoiseSigmaLsb)
{
    public static AdcErrorModel From(AdcNonIdealitySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new AdcErrorModel(spec.OffsetSigmaLsb, spec.GainErrorSigma, spec.NoiseSigmaLsb);
    }

    public bool HasStaticErrors => OffsetSigmaLsb != 0 || GainErrorSigma != 0;

    public bool HasNoise => NoiseSigmaLsb != 0;

    /// <summary>The static errors of one ADC instance: draws (offset, gain) in that order.</summary>
    public AdcInstance Draw(SplitMix64 random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var offset = random.NextGaussian();
        var gain = random.NextGaussian();
        return new AdcInstance(OffsetSigmaLsb * offset, 1.0 + (GainErrorSigma * gain));
    }

    /// <summary>The code for count <paramref name="count"/>, level spacing <paramref name="step"/> and conversion noise (LSB).</summary>
    public static int Code(double count, AdcInstance adc, double step, int top, double noiseLsb)
    {
        var code = Math.Floor((count * adc.Gain / step) + adc.OffsetLsb + noiseLsb + 0.5);
        return code <= 0 ? 0 : code >= top ? top : (int)code;
    }
}
