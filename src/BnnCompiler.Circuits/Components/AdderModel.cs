using BnnCompiler.Circuits.Technology;

namespace BnnCompiler.Circuits.Components;

/// <summary>
/// An n-bit ripple-carry adder of mirror full adders (28 transistors each; Weste &amp; Harris, fig. 11.4).
/// <list type="bullet">
/// <item>Area = n · 28 · A_min.</item>
/// <item>Energy per addition = n · α · E_FA, with E_FA = the switching energy of the adder's 28 transistor nodes and
/// α = 0.15 of them toggling per addition (NeuroSim's calibrated switching activity of adders).</item>
/// <item>Delay = n carry stages of 1 FO4 each plus 2 FO4 for the sum.</item>
/// </list>
/// </summary>
public static class AdderModel
{
    public const double SwitchingActivity = 0.15;

    public static UnitCost Adder(int bits, TechnologyNode tech)
    {
        var transistors = (double)bits * Gates.FullAdderTransistors;
        return new UnitCost(
            Gates.AreaUm2(tech, transistors),
            SwitchingActivity * Gates.SwitchingEnergyPj(tech, transistors),
            (bits + 2) * Gates.Fo4DelayNs(tech),
            Gates.LeakageUw(tech, transistors));
    }

    /// <summary>An n-bit register of flip-flops; the action is one clocked write (activity ½ on data, clock every cycle).</summary>
    public static UnitCost Register(int bits, TechnologyNode tech)
    {
        var transistors = (double)bits * Gates.FlipFlopTransistors;
        return new UnitCost(
            Gates.AreaUm2(tech, transistors),
            0.5 * Gates.SwitchingEnergyPj(tech, transistors),
            2 * Gates.Fo4DelayNs(tech),
            Gates.LeakageUw(tech, transistors));
    }

    /// <summary>Bits needed to hold the exact sum of <paramref name="terms"/> values of <paramref name="bits"/> bits.</summary>
    public static int SumBits(int bits, long terms) => bits + (int)Math.Ceiling(Math.Log2(Math.Max(1, terms)));
}
