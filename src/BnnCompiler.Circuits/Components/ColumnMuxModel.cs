using BnnCompiler.Circuits.Technology;

namespace BnnCompiler.Circuits.Components;

/// <summary>
/// The column multiplexer in front of each ADC: one transmission gate (2 transistors of 2 × W_min) per column, and a
/// log2(m)-to-m decoder per ADC (m NAND/inverter pairs, 6 transistors each) that steps through the m columns.
/// <list type="bullet">
/// <item>Area per ADC = m · 2 · A(2·W_min) + 6·m minimum transistors.</item>
/// <item>Energy per conversion (one mux step) = one gate pair (2 transistors of 2·W_min: 4 minimum-transistor nodes)
/// and one decoder output (6 transistors' nodes) switching, each node 2·C_min (gate + drain, as in <see cref="Gates"/>):
/// ½·(2·2·2·C_min + 6·2·C_min)·V_dd² = ½·20·C_min·V_dd².</item>
/// <item>Delay = one decoder stage plus the pass gate into the ADC input: 2 FO4.</item>
/// <item>Leakage: per column the pass gate (4 minimum-width equivalents) and 6 decoder transistors.</item>
/// </list>
/// </summary>
public static class ColumnMuxModel
{
    public static UnitCost PerAdc(int columnsPerAdc, TechnologyNode tech)
    {
        if (columnsPerAdc <= 1)
        {
            return UnitCost.Zero;
        }

        var area = columnsPerAdc * 2 * Gates.WideTransistorAreaUm2(tech, 2) + Gates.AreaUm2(tech, 6.0 * columnsPerAdc);
        var energy = Gates.SwitchingEnergyPj(tech, 2 * 2 + 6);
        var leakage = Gates.LeakageUw(tech, columnsPerAdc * (4.0 + 6));
        return new UnitCost(area, energy, 2 * Gates.Fo4DelayNs(tech), leakage);
    }
}
