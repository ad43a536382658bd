using BnnCompiler.Circuits.Components;
using BnnCompiler.Hardware;
using static BnnCompiler.CostModel.Tests.Hand22nmLstp;

namespace BnnCompiler.CostModel.Tests;

/// <summary>The three ADC models of <see cref="AdcModel"/> against hand-worked values (22 nm LSTP).</summary>
public class AdcModelTests
{
    // A StrongArm comparator: 12 transistors of 4 × W_min, each one finger (0.03388 µm²); it switches 12 · 4 = 48
    // minimum-transistor nodes per decision.
    private const double StrongArmUm2 = 12 * OneFingerTransistorUm2;
    private const double StrongArmNodes = 12 * 4;

    // Thermometer-to-binary encoder of a 3-bit (L = 8) flash: (L − 1) rows · 0.616 µm · (8 + L/2) · 0.055 µm
    // = 7 · 0.616 · 12 · 0.055 = 2.84592 µm²; b + 2 = 5 gates of 4 nodes and L/2 = 4 wide-NAND inputs switch
    // (24 nodes); (L − 1) · 10 + b · L/2 = 82 transistors; delay 2 FO4 + 0.69 · R_on · (L/2) · 4·C_min.
    private const double Encoder3AreaUm2 = 7 * 0.616 * 12 * 0.055;
    private const double Encoder3Nodes = (4 * 5) + 4;
    private const double Encoder3Transistors = (7 * 10) + (3 * 8 / 2);
    private const double Encoder3DelayNs = (2 * Fo4Ns) + (0.69 * ROnOhm * (4 * 4 * CMinFf) * OhmFfToNs);

    [Fact]
    public void Should_Price_The_Thermometer_Encoder_From_Its_Equation()
    {
        Near(Encoder3AreaUm2, AdcModel.EncoderAreaUm2(3, Tech), "area");
        Assert.Equal(2.84592, AdcModel.EncoderAreaUm2(3, Tech), 5);

        // 2 · 0.028119 + 0.69 · 43 178.7 Ω · 16 · 0.06292 fF = 0.056238 + 0.029994 = 0.086231 ns.
        Near(Encoder3DelayNs, AdcModel.EncoderDelayNs(3, Tech), "delay");
        Assert.Equal(0.08623, AdcModel.EncoderDelayNs(3, Tech), 5);
    }

    [Fact]
    public void Should_Time_And_Leak_A_3_Bit_MultiLevel_Sense_Amp_From_Its_Equation()
    {
        var adc = AdcModel.MultiLevelSenseAmp(3, Tech);

        // t_sense 1 ns + encoder 0.086231 ns.
        Near(1.0 + Encoder3DelayNs, adc.LatencyNs, "latency");

        // 7 comparators · 106 transistors + 82 encoder transistors = 824; · 1.87e-6 µW = 1.5409e-3 µW.
        Near(((7 * 106) + Encoder3Transistors) * LeakagePerTransistorUw, adc.LeakageUw, "leakage");
    }

    [Fact]
    public void Should_Price_A_4_Bit_Sar_With_Its_Capacitive_Dac()
    {
        var adc = AdcModel.Sar(4, Tech);

        // Comparator 12 · 0.03388 = 0.40656 µm²; logic 4 · (24 flip-flop + 10 control) = 136 minimum transistors
        // = 9.21536 µm²; DAC 2^4 · 1 fF / 2 fF/µm² = 8 µm² plus 4 switch pairs of 2 × W_min (8 · 0.03388 = 0.27104 µm²).
        const double logicTransistors = 4 * (24 + 10);
        const double dacUm2 = (16 * 1.0 / 2.0) + (4 * 2 * OneFingerTransistorUm2);
        Near(StrongArmUm2 + (logicTransistors * MinTransistorUm2) + dacUm2, adc.AreaUm2, "area");
        Assert.Equal(17.89296, adc.AreaUm2, 5);

        // 4 decisions · 48 nodes · 4.546e-5 pJ = 8.728e-3 pJ; DAC ½ · 16 · 1 fF · 0.7225 V² = 5.78e-3 pJ;
        // logic ½ · 136 nodes = 3.091e-3 pJ; total 1.7600e-2 pJ.
        const double decisionsPj = 4 * StrongArmNodes * NodePj;
        const double dacPj = 0.5 * 16 * 1.0 * 0.7225 * 1e-3;
        const double logicPj = 0.5 * logicTransistors * NodePj;
        Near(decisionsPj + dacPj + logicPj, adc.EnergyPerActionPj, "energy");
        Assert.Equal(0.017600, adc.EnergyPerActionPj, 6);

        // (b + 1) bit cycles of 4 FO4 = 5 · 4 · 0.028119 = 0.56238 ns.
        Near(5 * 4 * Fo4Ns, adc.LatencyNs, "latency");

        // Logic 136 + comparator 48 minimum-width equivalents.
        Near((logicTransistors + StrongArmNodes) * LeakagePerTransistorUw, adc.LeakageUw, "leakage");
    }

    [Fact]
    public void Should_Let_The_Sar_Dac_Dominate_At_High_Resolution()
    {
        // Going from 8 to 9 bits adds 256 unit capacitors (128 µm²) and one bit of logic, switch pair and cycle.
        var eight = AdcModel.Sar(8, Tech);
        var nine = AdcModel.Sar(9, Tech);
        const double extraUm2 = (256 / 2.0) + (34 * MinTransistorUm2) + (2 * OneFingerTransistorUm2);
        Near(extraUm2, nine.AreaUm2 - eight.AreaUm2, "area of the 9th bit");

        // DAC energy ½ · 256 fF · 0.7225 V² = 92.48 fJ, plus one decision and ½ · 34 logic nodes.
        const double extraPj = (0.5 * 256 * 0.7225 * 1e-3) + (StrongArmNodes * NodePj) + (0.5 * 34 * NodePj);
        Near(extraPj, nine.EnergyPerActionPj - eight.EnergyPerActionPj, "energy of the 9th bit");
        Near(4 * Fo4Ns, nine.LatencyNs - eight.LatencyNs, "latency of the 9th bit");
    }

    [Fact]
    public void Should_Price_A_3_Bit_Flash_From_Its_Equation()
    {
        var adc = AdcModel.Flash(3, Tech);

        // 7 StrongArms (7 · 0.40656 = 2.84592 µm²) + a ladder of 2 · 8 = 16 minimum transistors (1.08416 µm²)
        // + the encoder (2.84592 µm²) = 6.776 µm².
        Near((7 * StrongArmUm2) + (16 * MinTransistorUm2) + Encoder3AreaUm2, adc.AreaUm2, "area");
        Assert.Equal(6.776, adc.AreaUm2, 5);

        // 7 decisions · 48 nodes + 24 encoder nodes = 360 nodes · 4.546e-5 pJ = 1.6365e-2 pJ.
        Near(((7 * StrongArmNodes) + Encoder3Nodes) * NodePj, adc.EnergyPerActionPj, "energy");
        Assert.Equal(0.016365, adc.EnergyPerActionPj, 6);

        // 3 FO4 + encoder = 0.084357 + 0.086231 = 0.17059 ns.
        Near((3 * Fo4Ns) + Encoder3DelayNs, adc.LatencyNs, "latency");

        // 7 · 48 + 82 = 418 transistors.
        Near(((7 * StrongArmNodes) + Encoder3Transistors) * LeakagePerTransistorUw, adc.LeakageUw, "leakage");
    }

    [Theory]
    [InlineData(AdcKind.MultiLevelSenseAmp)]
    [InlineData(AdcKind.Sar)]
    [InlineData(AdcKind.Flash)]
    public void Should_Dispatch_Each_Kind_To_Its_Model(AdcKind kind)
    {
        var expected = kind switch
        {
            AdcKind.MultiLevelSenseAmp => AdcModel.MultiLevelSenseAmp(5, Tech),
            AdcKind.Sar => AdcModel.Sar(5, Tech),
            _ => AdcModel.Flash(5, Tech),
        };
        Assert.Equal(expected, AdcModel.For(kind, 5, Tech));
    }
}
