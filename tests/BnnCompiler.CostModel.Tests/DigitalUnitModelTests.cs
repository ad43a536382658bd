using BnnCompiler.Circuits.Components;
using static BnnCompiler.CostModel.Tests.Hand22nmLstp;

namespace BnnCompiler.CostModel.Tests;

/// <summary>
/// The digital units built from adders and registers (<see cref="AdderModel"/>, <see cref="AdderTreeModel"/>,
/// <see cref="ShiftAddModel"/>, <see cref="ThresholdUnitModel"/>, <see cref="PoolingUnitModel"/>) against
/// hand-worked values (22 nm LSTP): an n-bit adder is 28n transistors at activity 0.15 and (n + 2) FO4, an n-bit
/// register 24n transistors at activity ½ and 2 FO4.
/// </summary>
public class DigitalUnitModelTests
{
    [Fact]
    public void Should_Time_And_Leak_A_Ripple_Adder()
    {
        var adder = AdderModel.Adder(8, Tech);

        // 8 carry stages + 2 for the sum = 10 FO4 = 0.28119 ns; 224 transistors leak 4.1888e-4 µW.
        Near(10 * Fo4Ns, adder.LatencyNs, "latency");
        Assert.Equal(0.28119, adder.LatencyNs, 5);
        Near(224 * LeakagePerTransistorUw, adder.LeakageUw, "leakage");
    }

    [Fact]
    public void Should_Price_A_Register_Of_Flip_Flops()
    {
        var register = AdderModel.Register(8, Tech);

        // 8 · 24 = 192 transistors = 13.00992 µm²; a write toggles half their nodes: ½ · 192 · 4.546e-5 pJ.
        Near(192 * MinTransistorUm2, register.AreaUm2, "area");
        Near(0.5 * 192 * NodePj, register.EnergyPerActionPj, "energy");
        Near(2 * Fo4Ns, register.LatencyNs, "latency");
        Near(192 * LeakagePerTransistorUw, register.LeakageUw, "leakage");
    }

    [Fact]
    public void Should_Grow_Adder_Area_And_Energy_With_Bits()
    {
        for (var bits = 1; bits < 32; bits++)
        {
            var lower = AdderModel.Adder(bits, Tech);
            var higher = AdderModel.Adder(bits + 1, Tech);
            Assert.True(higher.AreaUm2 > lower.AreaUm2, $"area {bits}→{bits + 1}");
            Assert.True(higher.EnergyPerActionPj > lower.EnergyPerActionPj, $"energy {bits}→{bits + 1}");
            Assert.True(higher.LatencyNs > lower.LatencyNs, $"latency {bits}→{bits + 1}");
            Assert.True(higher.LeakageUw > lower.LeakageUw, $"leakage {bits}→{bits + 1}");
        }
    }

    [Fact]
    public void Should_Count_The_Bits_Of_An_Exact_Sum()
    {
        // 128 terms of 5 bits need 5 + log2(128) = 12 bits; 5 terms of 4 bits 4 + ⌈2.32⌉ = 7.
        Assert.Equal(12, AdderModel.SumBits(5, 128));
        Assert.Equal(7, AdderModel.SumBits(4, 5));
        Assert.Equal(1, AdderModel.SumBits(1, 1));
    }

    [Fact]
    public void Should_Price_An_Adder_Tree_From_Its_Levels_By_Hand()
    {
        // 4 inputs of 5 bits: 2 adders of 6 bits (2 · 168 T) then 1 of 7 bits (196 T) = 532 transistors.
        var four = AdderTreeModel.Tree(4, 5, Tech);
        Near(532 * MinTransistorUm2, four.AreaUm2, "area, 4 inputs");
        Near(0.15 * 532 * NodePj, four.EnergyPerActionPj, "energy, 4 inputs");
        Near((8 + 9) * Fo4Ns, four.LatencyNs, "latency, 4 inputs");
        Near(532 * LeakagePerTransistorUw, four.LeakageUw, "leakage, 4 inputs");

        // 5 inputs of 4 bits: 2 adders of 5 bits (the odd input passes), 1 of 6, 1 of 7: 4 adders, 3 levels,
        // 2 · 140 + 168 + 196 = 644 transistors, (7 + 8 + 9) FO4.
        var five = AdderTreeModel.Tree(5, 4, Tech);
        Assert.Equal(3, AdderTreeModel.Levels(5));
        Near(644 * MinTransistorUm2, five.AreaUm2, "area, 5 inputs");
        Near((7 + 8 + 9) * Fo4Ns, five.LatencyNs, "latency, 5 inputs");
        Assert.Equal(0, AdderTreeModel.Levels(1));
    }

    [Fact]
    public void Should_Price_A_Shift_Add_As_An_Adder_Then_A_Register()
    {
        // 5-bit ADC, 4-bit inputs: width 9; adder 9 · 28 = 252 T, register 9 · 24 = 216 T.
        var unit = ShiftAddModel.PerAdc(5, 4, Tech);
        Near((252 + 216) * MinTransistorUm2, unit.AreaUm2, "area");
        Near((0.15 * 252 * NodePj) + (0.5 * 216 * NodePj), unit.EnergyPerActionPj, "energy");

        // The sum is registered after the carry ripples: (9 + 2) FO4 + 2 FO4 = 13 FO4 = 0.36555 ns.
        Near(13 * Fo4Ns, unit.LatencyNs, "latency");
        Assert.Equal(0.36555, unit.LatencyNs, 5);
        Near(468 * LeakagePerTransistorUw, unit.LeakageUw, "leakage");
    }

    [Fact]
    public void Should_Price_A_Threshold_Unit_As_A_Comparator_And_A_Stored_Threshold()
    {
        // 10-bit sums: comparator = 10-bit adder (280 T), threshold register 240 T; only the comparator switches
        // (the threshold is read, not written, per comparison); the register does not add to the comparison's delay.
        var unit = ThresholdUnitModel.Unit(10, Tech);
        Near(520 * MinTransistorUm2, unit.AreaUm2, "area");
        Near(0.15 * 280 * NodePj, unit.EnergyPerActionPj, "energy");
        Near(12 * Fo4Ns, unit.LatencyNs, "latency");
        Near(520 * LeakagePerTransistorUw, unit.LeakageUw, "leakage");
    }

    [Fact]
    public void Should_Price_A_Pooling_Step_As_An_Adder_And_A_Register()
    {
        // 6-bit values: adder 168 T at activity 0.15, register 144 T at ½; the step's delay is the adder's 8 FO4.
        var unit = PoolingUnitModel.Unit(6, Tech);
        Near(312 * MinTransistorUm2, unit.AreaUm2, "area");
        Near((0.15 * 168 * NodePj) + (0.5 * 144 * NodePj), unit.EnergyPerActionPj, "energy");
        Near(8 * Fo4Ns, unit.LatencyNs, "latency");
        Near(312 * LeakagePerTransistorUw, unit.LeakageUw, "leakage");
    }
}
