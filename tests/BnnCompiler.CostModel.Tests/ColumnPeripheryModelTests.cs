using BnnCompiler.Circuits.Components;
using BnnCompiler.Hardware;
using static BnnCompiler.CostModel.Tests.Hand22nmLstp;

namespace BnnCompiler.CostModel.Tests;

/// <summary><see cref="ColumnPeripheryModel"/> against hand-worked values at 22 nm LSTP.</summary>
public class ColumnPeripheryModelTests
{
    // Level shifter: 1400 × W_min in 2.5× rows folds into 85 fingers: 86 · 0.055 · 0.77 = 3.6421 µm², × 1.44 wiring.
    private const double LevelShifterUm2 = 86 * 0.055 * 0.77 * 1.44;

    [Fact]
    public void Should_Give_An_Nvm_Column_A_Write_Switch_And_Its_Level_Shifter()
    {
        // Flip-flop (24 T) + transmission gate of 2 × 4 W_min (8 minimum-transistor equivalents) = 32 · 0.06776 µm².
        var low = ColumnPeripheryModel.PerColumn(Cell(CellType.Rram), Tech, 1.2);
        Near(32 * MinTransistorUm2, low.AreaUm2, "area below 1.5 V");
        Near(32 * LeakagePerTransistorUw, low.LeakageUw, "leakage below 1.5 V");
        Assert.Equal(0, low.EnergyPerActionPj);

        // At a 2 V write voltage the column also carries a level shifter (80-transistor input stage leaking).
        var high = ColumnPeripheryModel.PerColumn(Cell(CellType.Rram), Tech, 2.0);
        Near((32 * MinTransistorUm2) + LevelShifterUm2, high.AreaUm2, "area at 2 V");
        Near((32 + 80) * LeakagePerTransistorUw, high.LeakageUw, "leakage at 2 V");
        Assert.Equal(high, ColumnPeripheryModel.PerColumn(Cell(CellType.Fefet), Tech, 2.0));
    }

    [Fact]
    public void Should_Give_An_Sram_Column_A_Precharge_And_A_Write_Driver()
    {
        // 3 precharge + 6 write-driver transistors, whatever the NVM write voltage.
        var sram = ColumnPeripheryModel.PerColumn(Cell(CellType.Sram), Tech, 2.0);
        Near(9 * MinTransistorUm2, sram.AreaUm2, "area");
        Near(9 * LeakagePerTransistorUw, sram.LeakageUw, "leakage");
        Assert.Equal(0, sram.EnergyPerActionPj);
    }

    private static CellSpec Cell(CellType type) => new()
    {
        Type = type, Access = AccessDevice.Transistor, ROnOhm = 6000, ROffOhm = 900000, BitsPerCell = 1,
        ReadVoltageV = 0.5, ReadPulseNs = 10, AreaF2 = 48,
    };
}
