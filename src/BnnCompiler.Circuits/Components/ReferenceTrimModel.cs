using BnnCompiler.Circuits.Technology;

namespace BnnCompiler.Circuits.Components;

/// <summary>
/// The trim behind one ADC of a calibrated chip (<c>repair.mode: map+spares+calibrate</c>, docs/repair.md): calibration
/// places each column's references at a·i·Δ + o, so every (column on the ADC's mux, row group) keeps a gain word and an
/// offset word of <see cref="TrimBits"/> bits, and the ADC's reference ladder is trimmed by two binary-weighted
/// <see cref="TrimBits"/>-bit DACs loaded with the selected column's words before each conversion.
/// <list type="bullet">
/// <item>Area and leakage: words × 2·b latch bits (6-transistor static cells, written once after calibration), a read
/// mux of words inputs per bit (one pass transistor an input), and the two DACs of 2^b − 1 unit transistors and b
/// switches each.</item>
/// <item>Energy per conversion: the 2·b code lines switch (activity ½), each loading its DAC switch and the read mux's
/// output: <c>½ · 2b · E_switch(2 transistors)</c>.</item>
/// <item>Latency: none on the sensing path; the words load while the column mux settles.</item>
/// </list>
/// </summary>
public static class ReferenceTrimModel
{
    /// <summary>Bits of one trim word: a gain step of about 1/128 over [0, 2) and an offset step of 1/8 LSB over ±16 LSB.</summary>
    public const int TrimBits = 8;

    /// <summary>Gain word step: 2 / 2^b, codes 1 .. 2^b − 1 (gain over (0, 2)).</summary>
    public const double GainStep = 2.0 / (1 << TrimBits);

    /// <summary>Offset word step in LSB of the column's ADC: codes −2^(b−1) .. 2^(b−1) − 1 of 1/8 LSB (±16 LSB).</summary>
    public const double OffsetStepLsb = 0.125;

    /// <summary>
    /// The gain word's value for a fitted gain a: the nearest multiple of <see cref="GainStep"/>, saturating at the
    /// word's smallest non-zero code and its top code (2 − 1/128).
    /// </summary>
    public static double QuantizeGain(double gain) => GainWord(gain) * GainStep;

    /// <summary>The gain word's code k (gain k · <see cref="GainStep"/>, k = 1 … 2^b − 1) for a fitted gain a.</summary>
    public static int GainWord(double gain) => (int)Math.Clamp(Math.Round(gain / GainStep, MidpointRounding.AwayFromZero), 1, (1 << TrimBits) - 1);

    /// <summary>
    /// The offset word's value for a fitted offset in LSB: the nearest multiple of <see cref="OffsetStepLsb"/>,
    /// saturating at −16 and 16 − 1/8 LSB.
    /// </summary>
    public static double QuantizeOffsetLsb(double offsetLsb) => OffsetWord(offsetLsb) * OffsetStepLsb;

    /// <summary>The offset word's code k (offset k · <see cref="OffsetStepLsb"/> LSB, k = −2^(b−1) … 2^(b−1) − 1) for a fitted offset in LSB.</summary>
    public static int OffsetWord(double offsetLsb)
    {
        var half = 1 << (TrimBits - 1);
        return (int)Math.Clamp(Math.Round(offsetLsb / OffsetStepLsb, MidpointRounding.AwayFromZero), -half, half - 1);
    }

    /// <summary>Transistors of one stored trim bit: a 6-transistor static latch (cross-coupled inverters, two access devices).</summary>
    public const int LatchTransistors = 6;

    /// <summary>The trim of one ADC serving <paramref name="words"/> (column, row group) pairs.</summary>
    public static UnitCost PerAdc(int words, TechnologyNode tech)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(words);
        var codeBits = 2 * TrimBits;
        var latches = (double)words * codeBits * LatchTransistors;
        var readMux = (double)words * codeBits;
        var dacs = 2.0 * ((1 << TrimBits) - 1 + TrimBits);
        var transistors = latches + readMux + dacs;
        return new UnitCost(
            Gates.AreaUm2(tech, transistors),
            0.5 * codeBits * Gates.SwitchingEnergyPj(tech, 2),
            0,
            Gates.LeakageUw(tech, transistors));
    }
}
