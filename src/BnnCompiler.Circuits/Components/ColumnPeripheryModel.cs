using BnnCompiler.Circuits.Technology;
using BnnCompiler.Hardware;

namespace BnnCompiler.Circuits.Components;

/// <summary>
/// What every column (bit line) of a subarray carries besides its share of the column mux and ADC.
/// <list type="bullet">
/// <item>NVM (1T1R RRAM, FeFET): the column switch matrix of the write path, a flip-flop holding the column's select
/// bit and a transmission gate of 2 transistors of 4 × W_min that puts the write voltage (or ground) on the column's
/// source line (NeuroSim V1.3 builds the same source-line switch matrix, `SubArray.cpp`, `slSwitchMatrix`), plus its
/// level shifter when the write voltage exceeds what core transistors tolerate (<see cref="LevelShifterModel"/>).
/// Area per column = (24 + 2·4) minimum transistors (+ the level shifter).</item>
/// <item>SRAM: a precharge circuit (two pull-ups and an equaliser, 3 transistors) and a write driver (two inverters
/// and two pass transistors, 6 transistors), the standard 6T column (Rabaey, Digital Integrated Circuits, ch. 12):
/// 9 minimum transistors a column.</item>
/// <item>No energy of its own during inference: the NVM switches hold their state for the whole read (source lines at
/// ground), and the SRAM bit-line swing is priced with the cell array (<see cref="CellArrayModel"/>). Leakage: all of
/// its transistors.</item>
/// </list>
/// </summary>
public static class ColumnPeripheryModel
{
    public const int SramColumnTransistors = 9;

    public static UnitCost PerColumn(CellSpec cell, TechnologyNode tech, double writeVoltageV)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (cell.Type == CellType.Sram)
        {
            return new UnitCost(Gates.AreaUm2(tech, SramColumnTransistors), 0, 0, Gates.LeakageUw(tech, SramColumnTransistors));
        }

        var transistors = Gates.FlipFlopTransistors + 2 * RowPeripheryModel.DriverWidthMultiple;
        var own = new UnitCost(Gates.AreaUm2(tech, transistors), 0, 0, Gates.LeakageUw(tech, transistors));
        return LevelShifterModel.Needed(writeVoltageV) ? own.Plus(LevelShifterModel.Cost(tech)) : own;
    }
}
