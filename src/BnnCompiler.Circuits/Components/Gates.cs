using BnnCompiler.Circuits.Technology;

namespace BnnCompiler.Circuits.Components;

/// <summary>
/// First-order CMOS figures shared by every logic model (Weste &amp; Harris, "CMOS VLSI Design", 4th ed., ch. 2, 5):
/// <list type="bullet">
/// <item>area of a block of n minimum transistors = n × <see cref="LayoutRules.MinTransistorAreaUm2"/>;</item>
/// <item>a minimum transistor loads its node with C_min = C_gate/µm × W_min (gate) plus about as much drain
/// diffusion, so a switching node of one min-size gate carries 2·C_min per driven transistor;</item>
/// <item>energy of a node transition: E = ½ · C · V_dd² (a charge and a discharge draw C·V_dd² together);</item>
/// <item>on-resistance of a minimum transistor: R_on = V_dd / (I_on · W_min) × 1.77 (the effective-resistance
/// multiplier of CACTI for a switching inverter);</item>
/// <item>leakage: half the transistors of a static gate are off, each leaking I_off · W at V_dd.</item>
/// </list>
/// </summary>
public static class Gates
{
    /// <summary>CACTI's multiplier from the saturation-current resistance to the effective switching resistance.</summary>
    public const double EffectiveResistanceMultiplier = 1.77;

    /// <summary>Transistors in a mirror full adder (Weste &amp; Harris, fig. 11.4).</summary>
    public const int FullAdderTransistors = 28;

    /// <summary>Transistors in a static master-slave D flip-flop with its clock inverters (Weste &amp; Harris, fig. 10.19).</summary>
    public const int FlipFlopTransistors = 24;

    /// <summary>Area of n minimum transistors in µm².</summary>
    public static double AreaUm2(TechnologyNode tech, double transistors) => transistors * LayoutRules.MinTransistorAreaUm2(tech);

    /// <summary>
    /// Area of one transistor of width <paramref name="widthMultiple"/> × W_min, folded into fingers that fit half
    /// a row (the other half holds the complementary device): (fingers + 1) poly pitches × the row height.
    /// </summary>
    public static double WideTransistorAreaUm2(TechnologyNode tech, double widthMultiple, double rowHeightFactor = 1)
    {
        var rowUm = LayoutRules.RowHeightUm(tech) * rowHeightFactor;
        var fingerUm = rowUm / 2 - LayoutRules.MinWidthUm(tech);
        var widthUm = widthMultiple * LayoutRules.MinWidthUm(tech);
        var fingers = Math.Max(1, Math.Ceiling(widthUm / fingerUm));
        return (fingers + 1) * LayoutRules.PolyPitchUm(tech) * rowUm / 2;
    }

    /// <summary>Gate capacitance of a minimum transistor in fF.</summary>
    public static double MinGateCapFf(TechnologyNode tech) => tech.GateCapFfPerUm * LayoutRules.MinWidthUm(tech);

    /// <summary>Energy of one transition of a node loaded by <paramref name="transistors"/> minimum transistors (gate + drain), in pJ.</summary>
    public static double SwitchingEnergyPj(TechnologyNode tech, double transistors) =>
        0.5 * 2 * MinGateCapFf(tech) * transistors * tech.VddV * tech.VddV * 1e-3;

    /// <summary>Energy to charge <paramref name="capFf"/> to <paramref name="voltageV"/> and back, per transition, in pJ.</summary>
    public static double CapacitorEnergyPj(double capFf, double voltageV) => 0.5 * capFf * voltageV * voltageV * 1e-3;

    /// <summary>Effective switching resistance of a transistor of <paramref name="widthMultiple"/> × W_min, in Ω.</summary>
    public static double OnResistanceOhm(TechnologyNode tech, double widthMultiple = 1) =>
        tech.VddV / (tech.OnCurrentUaPerUm * 1e-6 * LayoutRules.MinWidthUm(tech) * widthMultiple) * EffectiveResistanceMultiplier;

    /// <summary>Delay of one gate stage driving <paramref name="loadFf"/>: 0.69 · R_on · C (Elmore, step input), in ns.</summary>
    public static double StageDelayNs(TechnologyNode tech, double loadFf, double driverWidthMultiple = 1) =>
        0.69 * OnResistanceOhm(tech, driverWidthMultiple) * loadFf * 1e-15 * 1e9;

    /// <summary>
    /// Delay of a fan-out-of-4 inverter stage in ns, the unit of logic depth: an inverter of 3·C_min input (PMOS
    /// twice the NMOS) drives four copies of itself and its own drain, 0.69 · R_on · (4·3 + 3)·C_min.
    /// </summary>
    public static double Fo4DelayNs(TechnologyNode tech) => StageDelayNs(tech, 4 * 3 * MinGateCapFf(tech) + 3 * MinGateCapFf(tech));

    /// <summary>Leakage of n minimum transistors in µW: half of them off, each I_off · W_min · V_dd.</summary>
    public static double LeakageUw(TechnologyNode tech, double transistors) =>
        0.5 * transistors * tech.OffCurrentNaPerUm * 1e-9 * LayoutRules.MinWidthUm(tech) * tech.VddV * 1e6;
}
