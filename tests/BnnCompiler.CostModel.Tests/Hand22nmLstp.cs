using BnnCompiler.Circuits.Technology;
using BnnCompiler.Hardware;

namespace BnnCompiler.CostModel.Tests;

/// <summary>
/// Figures of the 22 nm LSTP row of the technology table, worked out by hand from the row's literal values
/// (V_dd 0.85 V, C_gate 1.430 fF/µm, I_on 791.9 µA/µm, I_off 0.1 nA/µm, wire 40 nm × AR 1.9 at 4.03 µΩ·cm,
/// c_wire 0.2 fF/µm, comparator 1.7 µW, t_sense 1 ns) and the layout rules (row 28 F, contacted poly pitch 2.5 F,
/// W_min 2 F). The component tests build their expected values from these, never from the models' helpers.
/// </summary>
internal static class Hand22nmLstp
{
    public static readonly TechnologyNode Tech = TechnologyTable.Get(22, DeviceRoadmap.Lstp);

    public const double FUm = 0.022;

    public const double VddV = 0.85;

    /// <summary>V_dd² = 0.7225 V².</summary>
    public const double Vdd2 = VddV * VddV;

    /// <summary>W_min = 2 F = 0.044 µm.</summary>
    public const double WMinUm = 2 * FUm;

    /// <summary>Row height 28 F = 0.616 µm.</summary>
    public const double RowHeightUm = 28 * FUm;

    /// <summary>Contacted poly pitch 2.5 F = 0.055 µm.</summary>
    public const double PolyPitchUm = 2.5 * FUm;

    /// <summary>Minimum transistor: 2 poly pitches of a row = 2 · 0.055 · 0.616 = 0.06776 µm² (140 F²).</summary>
    public const double MinTransistorUm2 = 2 * PolyPitchUm * RowHeightUm;

    /// <summary>
    /// A transistor of 2 or 4 × W_min (0.088 / 0.176 µm) fits one finger of half a row minus W_min
    /// (0.308 − 0.044 = 0.264 µm), so it takes (1 + 1) poly pitches of half a row: 2 · 0.055 · 0.308 = 0.03388 µm².
    /// </summary>
    public const double OneFingerTransistorUm2 = 2 * PolyPitchUm * (RowHeightUm / 2);

    /// <summary>C_min = 1.430 fF/µm × 0.044 µm = 0.06292 fF.</summary>
    public const double CMinFf = 1.430 * WMinUm;

    /// <summary>One switching node per minimum transistor: ½ · 2·C_min · V_dd² = 0.06292 fF · 0.7225 V² = 4.546e-5 pJ.</summary>
    public const double NodePj = 0.5 * 2 * CMinFf * Vdd2 * 1e-3;

    /// <summary>R_on = 0.85 V / (791.9 µA/µm · 0.044 µm) × 1.77 = 43 178.7 Ω.</summary>
    public const double ROnOhm = VddV / (791.9e-6 * WMinUm) * 1.77;

    /// <summary>Ω · fF = 1e-15 s = 1e-6 ns.</summary>
    public const double OhmFfToNs = 1e-6;

    /// <summary>
    /// FO4: an inverter of 3·C_min input (PN ratio 2) drives four copies of itself and its own 3·C_min drain:
    /// 0.69 · R_on · 15 · C_min = 0.69 · 43 178.7 Ω · 0.9438 fF = 0.028119 ns.
    /// </summary>
    public const double Fo4Ns = 0.69 * ROnOhm * (15 * CMinFf) * OhmFfToNs;

    /// <summary>Leakage per transistor: ½ (off) · 0.1 nA/µm · 0.044 µm · 0.85 V = 1.87e-12 W = 1.87e-6 µW.</summary>
    public const double LeakagePerTransistorUw = 0.5 * 0.1e-9 * WMinUm * VddV * 1e6;

    /// <summary>Wire resistance: 4.03e-2 Ω·µm / (0.04 µm · 1.9 · 0.04 µm) = 13.2566 Ω/µm.</summary>
    public const double WireOhmPerUm = 4.03e-2 / (0.04 * 0.04 * 1.9);

    public const double WireCapFfPerUm = 0.2;

    /// <summary>Asserts <paramref name="actual"/> within a relative 1e-9 of <paramref name="expected"/>.</summary>
    public static void Near(double expected, double actual, string what = "")
    {
        var tolerance = 1e-9 * Math.Max(Math.Abs(expected), 1e-30);
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected:R}, got {actual:R}");
    }
}
