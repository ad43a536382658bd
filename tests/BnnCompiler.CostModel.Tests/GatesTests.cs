using BnnCompiler.Circuits.Components;
using BnnCompiler.Circuits.Technology;
using static BnnCompiler.CostModel.Tests.Hand22nmLstp;

namespace BnnCompiler.CostModel.Tests;

/// <summary>The first-order CMOS figures of <see cref="Gates"/> against hand-worked values (22 nm LSTP).</summary>
public class GatesTests
{
    [Fact]
    public void Should_Derive_Layout_Rules_From_F()
    {
        // Row 28 F = 0.616 µm, poly pitch 2.5 F = 0.055 µm, W_min 2 F = 0.044 µm.
        Near(0.616, LayoutRules.RowHeightUm(Tech), "row height");
        Near(0.055, LayoutRules.PolyPitchUm(Tech), "poly pitch");
        Near(0.044, LayoutRules.MinWidthUm(Tech), "W_min");
        Near(10 * 0.06776, Gates.AreaUm2(Tech, 10), "10 minimum transistors");
    }

    [Fact]
    public void Should_Price_Gate_Capacitance_And_Switching_Energy()
    {
        // C_min = 1.430 fF/µm · 0.044 µm = 0.06292 fF.
        Near(0.06292, Gates.MinGateCapFf(Tech), "C_min");

        // 10 nodes: ½ · 2 · 0.06292 fF · 10 · 0.7225 V² = 0.45460 fJ.
        Near(0.5 * 2 * 0.06292 * 10 * 0.7225 * 1e-3, Gates.SwitchingEnergyPj(Tech, 10), "10 nodes");
        Assert.Equal(4.5460e-4, Gates.SwitchingEnergyPj(Tech, 10), 8);

        // ½ · 10 fF · (0.5 V)² = 1.25 fJ.
        Near(1.25e-3, Gates.CapacitorEnergyPj(10, 0.5), "10 fF at 0.5 V");
    }

    [Fact]
    public void Should_Derive_On_Resistance_From_On_Current_With_Cactis_Multiplier()
    {
        // 0.85 V / (791.9e-6 A/µm · 0.044 µm) = 24 394.7 Ω; × 1.77 = 43 178.7 Ω.
        Assert.Equal(43178.7, Gates.OnResistanceOhm(Tech), 1);
        Near(ROnOhm, Gates.OnResistanceOhm(Tech), "R_on");

        // A 4 × W_min transistor has a quarter of it.
        Near(ROnOhm / 4, Gates.OnResistanceOhm(Tech, 4), "R_on(4W)");
    }

    [Fact]
    public void Should_Price_Stage_And_Fo4_Delays()
    {
        // 0.69 · (43 178.7 Ω / 4) · 100 fF = 0.74483 ns.
        const double stageNs = 0.69 * (ROnOhm / 4) * 100 * OhmFfToNs;
        Near(stageNs, Gates.StageDelayNs(Tech, 100, 4), "stage delay");
        Assert.Equal(0.74483, Gates.StageDelayNs(Tech, 100, 4), 5);

        // FO4: 0.69 · 43 178.7 Ω · (4 · 3 + 3) · 0.06292 fF = 0.69 · 43 178.7 · 0.9438 fF = 28.12 ps.
        Assert.Equal(0.028119, Gates.Fo4DelayNs(Tech), 6);
        Near(Fo4Ns, Gates.Fo4DelayNs(Tech), "FO4");
    }

    [Fact]
    public void Should_Leak_Half_The_Transistors_At_I_Off()
    {
        // 100 transistors: 50 off · 0.1 nA/µm · 0.044 µm · 0.85 V = 187 pW = 1.87e-4 µW.
        Near(1.87e-4, Gates.LeakageUw(Tech, 100), "leakage of 100 transistors");
    }

    [Theory]
    [InlineData(2, 1)] // 0.088 µm fits one 0.264 µm finger
    [InlineData(4, 1)] // 0.176 µm
    [InlineData(6, 1)] // 0.264 µm, exactly one finger
    [InlineData(12, 2)] // 0.528 µm: two fingers
    [InlineData(13, 3)] // 0.572 µm: 2.17 → three fingers
    public void Should_Fold_Wide_Transistors_Into_Half_Row_Fingers(double widthMultiple, int fingers)
    {
        // Finger height = half a row − W_min = 0.308 − 0.044 = 0.264 µm; area = (fingers + 1) · 0.055 · 0.308 µm².
        Near((fingers + 1) * 0.055 * 0.308, Gates.WideTransistorAreaUm2(Tech, widthMultiple), $"{widthMultiple} × W_min");
    }

    [Fact]
    public void Should_Fold_Wide_Transistors_Into_Taller_Rows()
    {
        // 1400 × W_min = 61.6 µm in 2.5× rows (1.54 µm): finger 0.77 − 0.044 = 0.726 µm, 61.6 / 0.726 = 84.85 → 85
        // fingers; (85 + 1) · 0.055 · 0.77 = 3.6421 µm².
        Near(86 * 0.055 * 0.77, Gates.WideTransistorAreaUm2(Tech, 1400, 2.5), "1400 × W_min in 2.5× rows");
    }
}
