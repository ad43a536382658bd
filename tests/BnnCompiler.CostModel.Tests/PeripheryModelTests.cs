using BnnCompiler.Circuits.Components;
using BnnCompiler.Hardware;
using static BnnCompiler.CostModel.Tests.Hand22nmLstp;

namespace BnnCompiler.CostModel.Tests;

/// <summary>
/// The subarray's array and periphery models (<see cref="CellArrayModel"/>, <see cref="RowPeripheryModel"/>,
/// <see cref="LevelShifterModel"/>, <see cref="ColumnMuxModel"/>) against hand-worked values: a 128 × 128 array of
/// 48 F² 1T1R cells read at 0.5 V, 22 nm LSTP.
/// </summary>
public class PeripheryModelTests
{
    // 48 F² cell, 3:1: width √144 F = 12 F = 0.264 µm, height √16 F = 4 F = 0.088 µm.
    private const double CellWidthUm = 12 * FUm;
    private const double CellHeightUm = 4 * FUm;

    // Word line: 128 · (0.264 µm · 0.2 fF/µm + 0.06292 fF) = 128 · 0.11572 = 14.81216 fF, 128 · 0.264 = 33.792 µm long.
    private const double WordLineFf = 128 * ((CellWidthUm * WireCapFfPerUm) + CMinFf);
    private const double WordLineUm = 128 * CellWidthUm;

    // Level shifter: 1400 × W_min in 2.5× rows folds into 85 fingers: 86 · 0.055 · 0.77 = 3.6421 µm², × 1.44 wiring.
    private const double LevelShifterUm2 = 86 * 0.055 * 0.77 * 1.44;

    [Fact]
    public void Should_Lay_Out_A_3_To_1_Cell_Array()
    {
        Near(CellWidthUm, CellArrayModel.CellWidthUm(Cell(), Tech), "cell width");
        Near(CellHeightUm, CellArrayModel.CellHeightUm(Cell(), Tech), "cell height");
        Near(128 * 0.264, CellArrayModel.WidthUm(Subarray(), Cell(), Tech), "array width");
        Near(128 * 0.088, CellArrayModel.HeightUm(Subarray(), Cell(), Tech), "array height");
    }

    [Fact]
    public void Should_Price_Bit_Line_Energy_From_The_Column_Capacitance()
    {
        // C_BL = 128 · (0.088 µm · 0.2 fF/µm + 0.06292 fF) = 128 · 0.08052 = 10.30656 fF;
        // ½ · 10.30656 fF · (0.5 V)² = 1.28832 fJ.
        const double bitLineFf = 128 * ((CellHeightUm * WireCapFfPerUm) + CMinFf);
        Near(0.5 * bitLineFf * 0.25 * 1e-3, CellArrayModel.BitLineEnergyPj(Subarray(), Cell(), Tech), "bit line");
        Assert.Equal(1.28832e-3, CellArrayModel.BitLineEnergyPj(Subarray(), Cell(), Tech), 8);
    }

    [Fact]
    public void Should_Leak_Only_Sram_Cells()
    {
        Assert.Equal(0, CellArrayModel.LeakageUw(Subarray(), Cell(), Tech));

        // Two off transistors per SRAM cell, 0.1 nA/µm · 0.044 µm · 0.85 V each: 128 · 128 · 2 · 3.74e-6 µW = 0.12255 µW.
        var sram = Cell() with { Type = CellType.Sram, AreaF2 = 280 };
        Near(128 * 128 * 2 * (0.1e-9 * 0.044 * 0.85 * 1e6), CellArrayModel.LeakageUw(Subarray(), sram, Tech), "SRAM array");
    }

    [Fact]
    public void Should_Price_A_Row_Driver_Without_A_Level_Shifter()
    {
        var row = RowPeripheryModel.PerRow(Subarray(), Cell(), Tech, 1.2);
        Near(WordLineFf, RowPeripheryModel.RowCapFf(Subarray(), Cell(), Tech), "C_WL");
        Assert.Equal(14.81216, RowPeripheryModel.RowCapFf(Subarray(), Cell(), Tech), 5);

        // 24 flip-flop + 2 switches of 4 × W_min = 32 minimum transistors = 2.16832 µm².
        Near(32 * MinTransistorUm2, row.AreaUm2, "area");

        // ½ · 14.81216 fF · 0.7225 V² = 5.3509 fJ, + ½ · 24 flip-flop nodes = 0.5455 fJ; 5.8964 fJ.
        Near((0.5 * WordLineFf * Vdd2 * 1e-3) + (0.5 * 24 * NodePj), row.EnergyPerActionPj, "energy");
        Assert.Equal(5.8964e-3, row.EnergyPerActionPj, 7);

        // Driver 0.69 · (43 178.7 / 4) Ω · 14.81216 fF = 0.110328 ns; wire ½ · 13.2566 Ω/µm · 0.2 fF/µm · 33.792² µm²
        // = 1.5138e-3 ns; 0.111839 ns.
        const double driverNs = 0.69 * (ROnOhm / 4) * WordLineFf * OhmFfToNs;
        const double wireNs = 0.5 * WireOhmPerUm * WireCapFfPerUm * WordLineUm * WordLineUm * OhmFfToNs;
        Near(driverNs + wireNs, row.LatencyNs, "latency");
        Assert.Equal(0.111839, row.LatencyNs, 6);

        Near(32 * LeakagePerTransistorUw, row.LeakageUw, "leakage");
    }

    [Fact]
    public void Should_Add_A_Level_Shifter_To_Each_Row_Above_The_Core_Voltage()
    {
        var row = RowPeripheryModel.PerRow(Subarray(), Cell(), Tech, 2.0);
        Near((32 * MinTransistorUm2) + LevelShifterUm2, row.AreaUm2, "area");
        Near((32 + 80) * LeakagePerTransistorUw, row.LeakageUw, "leakage");

        // The level shifter is idle during a read: energy and delay are the driver's alone.
        var without = RowPeripheryModel.PerRow(Subarray(), Cell(), Tech, 1.5);
        Assert.Equal(without.EnergyPerActionPj, row.EnergyPerActionPj);
        Assert.Equal(without.LatencyNs, row.LatencyNs);
    }

    [Fact]
    public void Should_Price_One_Level_Shifter_From_Neurosims_Sizing()
    {
        var shifter = LevelShifterModel.Cost(Tech);

        // 3.6421 µm² · 1.44 = 5.24462 µm²; leakage of its 80-transistor input stage = 1.496e-4 µW.
        Near(LevelShifterUm2, shifter.AreaUm2, "area");
        Assert.Equal(5.24462, shifter.AreaUm2, 5);
        Assert.Equal(0, shifter.EnergyPerActionPj);
        Assert.Equal(0, shifter.LatencyNs);
        Near(80 * LeakagePerTransistorUw, shifter.LeakageUw, "leakage");

        Assert.False(LevelShifterModel.Needed(1.5));
        Assert.True(LevelShifterModel.Needed(1.51));
    }

    [Fact]
    public void Should_Grow_Row_Energy_And_Delay_With_The_Word_Line()
    {
        var previous = UnitCost.Zero;
        foreach (var columns in new[] { 32, 64, 128, 256, 512 })
        {
            var row = RowPeripheryModel.PerRow(Subarray() with { Columns = columns }, Cell(), Tech, 1.2);
            Assert.True(row.EnergyPerActionPj > previous.EnergyPerActionPj, $"energy at {columns} columns");
            Assert.True(row.LatencyNs > previous.LatencyNs, $"delay at {columns} columns");
            previous = row;
        }
    }

    [Fact]
    public void Should_Price_An_8_To_1_Column_Mux()
    {
        var mux = ColumnMuxModel.PerAdc(8, Tech);

        // 8 transmission gates of 2 transistors of 2 × W_min (one finger each, 0.03388 µm²) = 0.54208 µm²,
        // + a decoder of 6 · 8 = 48 minimum transistors = 3.25248 µm²; 3.79456 µm².
        Near((8 * 2 * OneFingerTransistorUm2) + (48 * MinTransistorUm2), mux.AreaUm2, "area");
        Assert.Equal(3.79456, mux.AreaUm2, 5);

        // One step: the gate pair (2 transistors of 2 × W_min, 4 minimum-transistor nodes of 2·C_min) and one
        // decoder output (6 transistors' nodes of 2·C_min): ½ · (2·2·2 + 6·2) · C_min · V² = ½ · 20 · 0.06292 fF
        // · 0.7225 V² = 0.45460 fJ.
        Near(0.5 * ((2 * 2 * 2) + (6 * 2)) * CMinFf * Vdd2 * 1e-3, mux.EnergyPerActionPj, "energy");
        Near(2 * Fo4Ns, mux.LatencyNs, "latency");

        // Per column 4 minimum-width equivalents of pass gate + 6 decoder transistors: 80 in all.
        Near(80 * LeakagePerTransistorUw, mux.LeakageUw, "leakage");

        Assert.Equal(UnitCost.Zero, ColumnMuxModel.PerAdc(1, Tech));
    }

    private static CellSpec Cell() => new()
    {
        Type = CellType.Rram, Access = AccessDevice.Transistor, ROnOhm = 6000, ROffOhm = 900000, BitsPerCell = 1,
        ReadVoltageV = 0.5, ReadPulseNs = 10, AreaF2 = 48,
    };

    private static SubarraySpec Subarray() => new() { Rows = 128, Columns = 128, ParallelRows = 128 };
}
