using BnnCompiler.Circuits.Technology;

namespace BnnCompiler.Circuits.Components;

/// <summary>
/// A repeated on-chip wire carrying one bit.
/// <list type="bullet">
/// <item>Capacitance per mm = c_wire + c_repeaters. Repeaters sized and spaced for minimum delay load the line
/// with about as much capacitance as the wire itself (H. Bakoglu, "Circuits, Interconnections and Packaging for
/// VLSI", 1990, §8.2), so c = 2 · c_wire.</item>
/// <item>Energy per bit per mm = α · ½ · c · V_dd², with α = 0.5 the probability that an independent random bit
/// differs from the previous one on the same wire.</item>
/// <item>Delay per mm of an optimally repeated line: 2 · √(R_0 C_0 · r c) (Bakoglu), R_0 C_0 of a minimum inverter.</item>
/// <item>Area per mm of one bit = the wire pitch (2 × wire width) × 1 mm.</item>
/// </list>
/// </summary>
public static class WireModel
{
    public const double ToggleProbability = 0.5;

    /// <summary>Capacitance of a repeated wire in fF per mm.</summary>
    public static double CapFfPerMm(TechnologyNode tech) => 2 * tech.WireCapFfPerUm * 1000;

    /// <summary>Energy of moving one bit over 1 mm, in pJ.</summary>
    public static double EnergyPjPerBitMm(TechnologyNode tech) =>
        ToggleProbability * 0.5 * CapFfPerMm(tech) * tech.VddV * tech.VddV * 1e-3;

    /// <summary>Delay over 1 mm, in ns.</summary>
    public static double DelayNsPerMm(TechnologyNode tech)
    {
        var r0c0 = Gates.OnResistanceOhm(tech) * 3 * Gates.MinGateCapFf(tech) * 1e-15;
        var rc = tech.WireResistanceOhmPerUm * 1000 * tech.WireCapFfPerUm * 1000 * 1e-15;
        return 2 * Math.Sqrt(r0c0 * rc) * 1e9;
    }

    /// <summary>Area of <paramref name="bits"/> parallel wires over <paramref name="lengthMm"/>, in µm².</summary>
    public static double AreaUm2(TechnologyNode tech, double bits, double lengthMm) => bits * tech.WirePitchUm * lengthMm * 1000;
}
