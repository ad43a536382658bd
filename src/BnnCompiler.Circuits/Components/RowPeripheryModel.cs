using BnnCompiler.Circuits.Technology;
using BnnCompiler.Hardware;

namespace BnnCompiler.Circuits.Components;

/// <summary>
/// What drives one row (word line) of a subarray in a parallel read: a flip-flop holding the row's input bit, a
/// switch that connects the row to the read voltage (a transmission gate, 2 transistors of 4 × W_min to drive the
/// row), and the row's share of the write path, a level shifter (<see cref="LevelShifterModel"/>).
/// <list type="bullet">
/// <item>Area per row = (24 + 2·4) minimum transistors + the level shifter.</item>
/// <item>Energy per row driven = the row capacitance C_WL = columns × (cell width × c_wire + C_min of an access gate)
/// charged to the access voltage, ½·C_WL·V², + the flip-flop's clocking (24 transistors' nodes at activity ½).</item>
/// <item>Delay = 0.69 · R_on(4·W_min) · C_WL + ½ · r_wire · c · L² (driver plus distributed wire).</item>
/// </list>
/// </summary>
public static class RowPeripheryModel
{
    public const double DriverWidthMultiple = 4;

    /// <summary>Gate voltage of the access transistors during a read (NeuroSim: 1.1 V) relative to V_dd: taken as V_dd here.</summary>
    public static double RowCapFf(SubarraySpec array, CellSpec cell, TechnologyNode tech) =>
        array.Columns * (CellArrayModel.CellWidthUm(cell, tech) * tech.WireCapFfPerUm + Gates.MinGateCapFf(tech));

    /// <summary>Cost of one row's periphery; the action is driving the row for one read.</summary>
    public static UnitCost PerRow(SubarraySpec array, CellSpec cell, TechnologyNode tech, double writeVoltageV)
    {
        var transistors = Gates.FlipFlopTransistors + 2 * DriverWidthMultiple;
        var area = Gates.AreaUm2(tech, transistors);
        var capFf = RowCapFf(array, cell, tech);
        var energy = Gates.CapacitorEnergyPj(capFf, tech.VddV) + 0.5 * Gates.SwitchingEnergyPj(tech, Gates.FlipFlopTransistors);
        var lengthUm = CellArrayModel.WidthUm(array, cell, tech);
        var wireNs = 0.5 * tech.WireResistanceOhmPerUm * lengthUm * tech.WireCapFfPerUm * lengthUm * 1e-15 * 1e9;
        var delay = Gates.StageDelayNs(tech, capFf, DriverWidthMultiple) + wireNs;
        var leakage = Gates.LeakageUw(tech, transistors);
        var own = new UnitCost(area, energy, delay, leakage);
        return LevelShifterModel.Needed(writeVoltageV) ? own.Plus(LevelShifterModel.Cost(tech)) : own;
    }
}
