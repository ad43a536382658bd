using BnnCompiler.Circuits.Technology;
using BnnCompiler.Hardware;

namespace BnnCompiler.Circuits.Components;

/// <summary>
/// Column ADCs as functions of their resolution b (L = 2^b levels). The action is one conversion.
/// <para><b>Multi-level current sense amplifier</b> (NeuroSim's default; a current-mode flash):</para>
/// <list type="bullet">
/// <item>L − 1 current comparators, each 106 minimum transistors (a 88-transistor current sense amplifier and an
/// 18-transistor reference mirror, after NeuroSim's circuit);</item>
/// <item>a thermometer-to-binary encoder laid out beside them: L − 1 logic rows, each two inverters, a NAND2 and a
/// share of an L/2-input NAND, so its width is (8 + L/2) poly pitches: area = (L−1) · H_row · (8 + L/2) · CPP.
/// This quadratic term is what makes high-resolution flash ADCs dominate the chip;</item>
/// <item>energy = (L − 1) · P_comp · t_sense (every comparator is biased for the sense time; P_comp from
/// <see cref="TechnologyNode.SenseComparatorPowerUw"/>) + the encoder's switching;</item>
/// <item>latency = t_sense + the encoder: 2 FO4 plus the L/2-input NAND, whose driver sees L/2 gate loads:
/// 0.69 · R_on · (L/2) · 4·C_min.</item>
/// </list>
/// <para><b>SAR</b>: one comparator (12 transistors of 4·W_min), b flip-flops and 10 b control transistors, and a
/// binary-weighted capacitive DAC of 2^b unit capacitors of 1 fF (the matching-limited unit of compact SARs, B.
/// Murmann's ADC survey) at 2 fF/µm² (MOM) with a switch pair per bit. Energy = b comparator decisions + ½ · 2^b ·
/// C_u · V_dd² for the DAC (monotonic switching, C.-C. Liu et al., JSSC 2010) + the logic; latency = (b + 1) bit
/// cycles of 4 FO4.</para>
/// <para><b>Voltage flash</b>: L − 1 StrongArm comparators (12 transistors of 4·W_min), a resistor ladder of L unit
/// resistors (2 minimum-transistor footprints each) and the same encoder as above; energy = (L − 1) comparator
/// decisions + encoder; latency = 3 FO4 + encoder.</para>
/// </summary>
public static class AdcModel
{
    public const int CurrentComparatorTransistors = 106;

    public const int StrongArmTransistors = 12;

    public const double StrongArmWidthMultiple = 4;

    public const double SarUnitCapFf = 1.0;

    public const double MomCapDensityFfPerUm2 = 2.0;

    public static UnitCost For(AdcKind kind, int bits, TechnologyNode tech) => kind switch
    {
        AdcKind.MultiLevelSenseAmp => MultiLevelSenseAmp(bits, tech),
        AdcKind.Sar => Sar(bits, tech),
        AdcKind.Flash => Flash(bits, tech),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown ADC kind"),
    };

    public static UnitCost MultiLevelSenseAmp(int bits, TechnologyNode tech)
    {
        var comparators = (1 << bits) - 1;
        var area = comparators * Gates.AreaUm2(tech, CurrentComparatorTransistors) + EncoderAreaUm2(bits, tech);
        var energy = comparators * tech.SenseComparatorPowerUw * 1e-6 * tech.SenseTimeNs * 1e-9 * 1e12 + EncoderEnergyPj(bits, tech);
        var latency = tech.SenseTimeNs + EncoderDelayNs(bits, tech);
        var leakage = Gates.LeakageUw(tech, comparators * (double)CurrentComparatorTransistors + EncoderTransistors(bits));
        return new UnitCost(area, energy, latency, leakage);
    }

    public static UnitCost Sar(int bits, TechnologyNode tech)
    {
        var comparator = StrongArmTransistors * Gates.WideTransistorAreaUm2(tech, StrongArmWidthMultiple);
        var logicTransistors = bits * (Gates.FlipFlopTransistors + 10.0);
        var dacArea = (1 << bits) * SarUnitCapFf / MomCapDensityFfPerUm2 + bits * 2 * Gates.WideTransistorAreaUm2(tech, 2);
        var area = comparator + Gates.AreaUm2(tech, logicTransistors) + dacArea;
        var decision = Gates.SwitchingEnergyPj(tech, StrongArmTransistors * StrongArmWidthMultiple);
        var dac = Gates.CapacitorEnergyPj((1 << bits) * SarUnitCapFf, tech.VddV);
        var energy = bits * decision + dac + 0.5 * Gates.SwitchingEnergyPj(tech, logicTransistors);
        var latency = (bits + 1) * 4 * Gates.Fo4DelayNs(tech);
        var leakage = Gates.LeakageUw(tech, logicTransistors + StrongArmTransistors * StrongArmWidthMultiple);
        return new UnitCost(area, energy, latency, leakage);
    }

    public static UnitCost Flash(int bits, TechnologyNode tech)
    {
        var comparators = (1 << bits) - 1;
        var area = comparators * StrongArmTransistors * Gates.WideTransistorAreaUm2(tech, StrongArmWidthMultiple)
            + Gates.AreaUm2(tech, 2.0 * (1 << bits)) + EncoderAreaUm2(bits, tech);
        var energy = comparators * Gates.SwitchingEnergyPj(tech, StrongArmTransistors * StrongArmWidthMultiple) + EncoderEnergyPj(bits, tech);
        var latency = 3 * Gates.Fo4DelayNs(tech) + EncoderDelayNs(bits, tech);
        var leakage = Gates.LeakageUw(tech, comparators * StrongArmTransistors * StrongArmWidthMultiple + EncoderTransistors(bits));
        return new UnitCost(area, energy, latency, leakage);
    }

    /// <summary>Encoder area (L−1) · H_row · (8 + L/2) · CPP in µm².</summary>
    public static double EncoderAreaUm2(int bits, TechnologyNode tech)
    {
        double levels = 1 << bits;
        return (levels - 1) * LayoutRules.RowHeightUm(tech) * (8 + levels / 2) * LayoutRules.PolyPitchUm(tech);
    }

    /// <summary>Encoder delay: 2 FO4 + 0.69 · R_on · (L/2) · 4·C_min, in ns.</summary>
    public static double EncoderDelayNs(int bits, TechnologyNode tech)
    {
        double levels = 1 << bits;
        return 2 * Gates.Fo4DelayNs(tech) + Gates.StageDelayNs(tech, levels / 2 * 4 * Gates.MinGateCapFf(tech));
    }

    /// <summary>Per conversion the thermometer boundary moves: about b + 2 gates of 4 transistors switch, and one wide-NAND input.</summary>
    private static double EncoderEnergyPj(int bits, TechnologyNode tech) =>
        Gates.SwitchingEnergyPj(tech, 4.0 * (bits + 2) + (1 << bits) / 2.0);

    private static double EncoderTransistors(int bits) => ((1 << bits) - 1) * 10.0 + bits * (1 << bits) / 2.0;
}
