using BnnCompiler.Circuits.Components;
using BnnCompiler.Circuits.Technology;
using BnnCompiler.Hardware;

namespace BnnCompiler.CostModel.Tests;

/// <summary>Each component model against a value worked out by hand from its documented equation (22 nm LSTP).</summary>
public class ComponentModelTests
{
    private static readonly TechnologyNode Tech = TechnologyTable.Get(22, DeviceRoadmap.Lstp);

    // F = 0.022 µm; min transistor = 2 · 2.5F · 28F = 140 F² = 140 · 4.84e-4 µm² = 0.06776 µm².
    private const double MinTransistorUm2 = 0.06776;

    [Fact]
    public void Should_Price_A_Minimum_Transistor_At_140_F2()
    {
        Assert.Equal(MinTransistorUm2, LayoutRules.MinTransistorAreaUm2(Tech), 5);
    }

    [Fact]
    public void Should_Price_A_3_Bit_MultiLevel_Sense_Amp_From_Its_Equation()
    {
        // 7 comparators × 106 transistors; encoder (L−1)·H·(8 + L/2)·CPP = 7 · 0.616 · 12 · 0.055 µm².
        var expectedArea = (7 * 106 * MinTransistorUm2) + (7 * 0.616 * 12 * 0.055);
        // Energy: 7 · 1.7 µW · 1 ns = 11.9 fJ plus the encoder's (b + 2)·4 + L/2 = 24 switching nodes.
        var cMin = 1.430 * 0.044; // fF
        var expectedEnergy = (7 * 1.7e-6 * 1e-9 * 1e12) + (0.5 * 2 * cMin * 24 * 0.85 * 0.85 * 1e-3);
        var adc = AdcModel.MultiLevelSenseAmp(3, Tech);
        Assert.Equal(expectedArea, adc.AreaUm2, 3);
        Assert.Equal(expectedEnergy, adc.EnergyPerActionPj, 6);
    }

    [Theory]
    [InlineData(AdcKind.MultiLevelSenseAmp)]
    [InlineData(AdcKind.Sar)]
    [InlineData(AdcKind.Flash)]
    public void Should_Grow_Adc_Area_And_Energy_With_Bits(AdcKind kind)
    {
        for (var bits = 1; bits < 10; bits++)
        {
            var lower = AdcModel.For(kind, bits, Tech);
            var higher = AdcModel.For(kind, bits + 1, Tech);
            Assert.True(higher.AreaUm2 > lower.AreaUm2, $"{kind} area {bits}→{bits + 1}");
            Assert.True(higher.EnergyPerActionPj > lower.EnergyPerActionPj, $"{kind} energy {bits}→{bits + 1}");
            Assert.True(higher.LatencyNs >= lower.LatencyNs, $"{kind} latency {bits}→{bits + 1}");
        }
    }

    [Fact]
    public void Should_Price_Cell_Reads_From_Conductance_Voltage_And_Sense_Time()
    {
        // 0.289 · V_read · (V_read / 6 kΩ) · 1 ns = 0.289 · 0.5 · 83.3 µA · 1 ns = 12.04 fJ.
        var cell = Cell();
        Assert.Equal(0.01204, CellArrayModel.CellReadEnergyPj(1 / 6000.0, cell, Tech), 5);
        Assert.Equal(128 * 128 * 48 * 4.84e-4, CellArrayModel.AreaUm2(Subarray(), cell, Tech), 6);
    }

    [Fact]
    public void Should_Price_A_Ripple_Adder_From_Full_Adders()
    {
        var adder = AdderModel.Adder(8, Tech);
        Assert.Equal(8 * 28 * MinTransistorUm2, adder.AreaUm2, 4);
        var cMin = 1.430 * 0.044;
        Assert.Equal(0.15 * 0.5 * 2 * cMin * 8 * 28 * 0.85 * 0.85 * 1e-3, adder.EnergyPerActionPj, 8);
    }

    [Fact]
    public void Should_Build_An_Adder_Tree_Of_K_Minus_1_Adders()
    {
        // 4 inputs of 5 bits: 2 adders of 6 bits, then 1 of 7 bits.
        var tree = AdderTreeModel.Tree(4, 5, Tech);
        var expected = (2 * AdderModel.Adder(6, Tech).AreaUm2) + AdderModel.Adder(7, Tech).AreaUm2;
        Assert.Equal(expected, tree.AreaUm2, 6);
        Assert.Equal(AdderModel.Adder(6, Tech).LatencyNs + AdderModel.Adder(7, Tech).LatencyNs, tree.LatencyNs, 9);
        Assert.Equal(UnitCost.Zero, AdderTreeModel.Tree(1, 5, Tech));
    }

    [Fact]
    public void Should_Scale_Wire_Energy_With_Length_And_Price_It_From_Capacitance()
    {
        // α · ½ · 2 · 0.2 fF/µm · 1000 µm · V² = 0.5 · 0.5 · 400 fF · 0.7225 V² = 72.25 fJ per bit per mm.
        Assert.Equal(0.07225, WireModel.EnergyPjPerBitMm(Tech), 6);
        Assert.Equal(2 * WireModel.AreaUm2(Tech, 64, 1.5), WireModel.AreaUm2(Tech, 64, 3.0), 6);
        Assert.Equal(2 * HTreeModel.PathLengthUm(4, 4, 100, 100), HTreeModel.PathLengthUm(4, 4, 200, 200), 6);
        Assert.Equal(0.75 * 16 * 200, HTreeModel.TotalLengthUm(4, 4, 100, 100), 6);

        // Multicast to one row of a 2 x 2 grid of 300 x 200 µm blocks: down to the row (2·200/2) and along it (1·300).
        Assert.Equal(200 + 300, HTreeModel.MulticastLengthUm(2, 2, 300, 200), 6);
        Assert.Equal(0, HTreeModel.MulticastLengthUm(1, 1, 300, 200), 6);

        // Mesh links of a 3 x 2 grid of 100 x 50 µm blocks: 2·2 horizontal of 100, 1·3 vertical of 50.
        Assert.Equal((4 * 100) + (3 * 50), MeshModel.LinkLengthUm(3, 2, 100, 50), 6);
    }

    [Fact]
    public void Should_Price_Register_File_Bits_As_Flip_Flops()
    {
        var bit = BufferModel.PerBit(BufferKind.RegisterFile, Tech);
        Assert.Equal(28 * MinTransistorUm2, bit.AreaUm2, 5);
        Assert.True(BufferModel.PerBit(BufferKind.Sram, Tech).AreaUm2 < bit.AreaUm2);
    }

    [Fact]
    public void Should_Add_Level_Shifters_Only_Above_The_Core_Voltage()
    {
        var low = RowPeripheryModel.PerRow(Subarray(), Cell(), Tech, 1.2);
        var high = RowPeripheryModel.PerRow(Subarray(), Cell(), Tech, 2.0);
        Assert.Equal(LevelShifterModel.Cost(Tech).AreaUm2, high.AreaUm2 - low.AreaUm2, 6);
    }

    [Fact]
    public void Should_Hold_Every_Node_Of_The_Table()
    {
        foreach (var node in new[] { 130, 90, 65, 45, 32, 22, 14, 7 })
        {
            foreach (var roadmap in new[] { DeviceRoadmap.Lstp, DeviceRoadmap.Hp })
            {
                var t = TechnologyTable.Get(node, roadmap);
                Assert.Equal(node, t.NodeNm);
                Assert.True(t.VddV > 0 && t.GateCapFfPerUm > 0 && t.OnCurrentUaPerUm > 0 && t.OffCurrentNaPerUm > 0);
            }
        }

        Assert.True(TechnologyTable.Get(22, DeviceRoadmap.Hp).OffCurrentNaPerUm > TechnologyTable.Get(22, DeviceRoadmap.Lstp).OffCurrentNaPerUm);
    }

    private static CellSpec Cell() => new()
    {
        Type = CellType.Rram, Access = AccessDevice.Transistor, ROnOhm = 6000, ROffOhm = 900000, BitsPerCell = 1,
        ReadVoltageV = 0.5, ReadPulseNs = 10, AreaF2 = 48,
    };

    private static SubarraySpec Subarray() => new() { Rows = 128, Columns = 128, ParallelRows = 128 };
}
