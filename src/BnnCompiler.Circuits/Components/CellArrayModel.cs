using BnnCompiler.Circuits.Technology;
using BnnCompiler.Hardware;

namespace BnnCompiler.Circuits.Components;

/// <summary>
/// The memory cell array of one subarray.
/// <list type="bullet">
/// <item>Area = rows × columns × A_cell[F²] × F². The cell is 3:1 wide (1T1R: 4 F × 12 F, NeuroSim's and the spec's
/// 48 F²; SRAM 10 F × 28 F), so width = columns · √(3·A_cell)·F and height = rows · √(A_cell/3)·F.</item>
/// <item>Read energy of one conducting cell: E = V_eff · I_cell · t_sense with I_cell = V_read · G. The current-mode
/// sense amplifier holds the bit line at a clamp; NeuroSim's SPICE fit of the column power,
/// P = 0.0723 V² · G at V_read = 0.5 V (scaled ∝ V_read), gives V_eff = 0.289 · V_read.</item>
/// <item>Bit-line energy per read of a column: ½ · C_BL · V_read², C_BL = rows × (cell height × c_wire + C_min drain).</item>
/// <item>Leakage: none for NVM cells with their access transistor off (gate at 0 V, no V_DS); an SRAM cell leaks
/// through its two off transistors at V_dd.</item>
/// </list>
/// </summary>
public static class CellArrayModel
{
    /// <summary>Ratio of the clamp voltage the column current flows against to the read voltage (NeuroSim's SPICE fit).</summary>
    public const double EffectiveVoltageRatio = 0.289;

    public static double CellWidthUm(CellSpec cell, TechnologyNode tech) => Math.Sqrt(3 * cell.AreaF2) * tech.FeatureSizeUm;

    public static double CellHeightUm(CellSpec cell, TechnologyNode tech) => Math.Sqrt(cell.AreaF2 / 3) * tech.FeatureSizeUm;

    /// <summary>Area of a rows × columns array in µm².</summary>
    public static double AreaUm2(SubarraySpec array, CellSpec cell, TechnologyNode tech) =>
        array.Rows * array.Columns * cell.AreaF2 * tech.F2Um2;

    public static double WidthUm(SubarraySpec array, CellSpec cell, TechnologyNode tech) => array.Columns * CellWidthUm(cell, tech);

    public static double HeightUm(SubarraySpec array, CellSpec cell, TechnologyNode tech) => array.Rows * CellHeightUm(cell, tech);

    /// <summary>Energy of reading one cell of conductance <paramref name="conductanceS"/> for the sense time, in pJ.</summary>
    public static double CellReadEnergyPj(double conductanceS, CellSpec cell, TechnologyNode tech)
    {
        var current = cell.ReadVoltageV * conductanceS;
        return EffectiveVoltageRatio * cell.ReadVoltageV * current * tech.SenseTimeNs * 1e-9 * 1e12;
    }

    /// <summary>Energy of one bit-line charge to V_read and back, per column read, in pJ.</summary>
    public static double BitLineEnergyPj(SubarraySpec array, CellSpec cell, TechnologyNode tech)
    {
        var capFf = array.Rows * (CellHeightUm(cell, tech) * tech.WireCapFfPerUm + Gates.MinGateCapFf(tech));
        return Gates.CapacitorEnergyPj(capFf, cell.ReadVoltageV);
    }

    /// <summary>Leakage of one array in µW (SRAM only).</summary>
    public static double LeakageUw(SubarraySpec array, CellSpec cell, TechnologyNode tech) =>
        cell.Type == CellType.Sram ? Gates.LeakageUw(tech, 4.0 * array.Cells) : 0;
}
