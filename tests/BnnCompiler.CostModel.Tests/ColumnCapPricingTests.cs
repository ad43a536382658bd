using BnnCompiler.Circuits;
using BnnCompiler.Hardware;
using BnnCompiler.Mapping;
using BnnCompiler.Testing;

namespace BnnCompiler.CostModel.Tests;

/// <summary>
/// <c>repair.max_columns</c> caps the columns a block may use in each subarray: the subarrays keep their cells, ADCs and
/// mux, a layer wider than the cap takes more column blocks, and the chip's area and leakage grow with them.
/// </summary>
public class ColumnCapPricingTests
{
    [Fact]
    public void Should_Map_Wide_Layers_Onto_More_Subarrays_Of_The_Same_Size_And_Price_Them()
    {
        var plain = Circuits([]);
        var capped = Circuits(["repair.max_columns=32"]);
        Assert.Equal(128, capped.Mapping.Spec.WeightColumnsPerSubarray * 4);
        Assert.Equal(plain.Mapping.Spec.Subarray, capped.Mapping.Spec.Subarray);
        foreach (var (p, c) in plain.Mapping.Layers.Zip(capped.Mapping.Layers))
        {
            // Hand count: ⌈N / 32⌉ column blocks instead of ⌈N / 128⌉, each block at most 32 columns wide.
            Assert.Equal((p.Columns + 31) / 32, c.ColumnBlocks);
            Assert.Equal((p.Columns + 127) / 128, p.ColumnBlocks);
            Assert.All(c.Blocks, b => Assert.InRange(b.ColumnCount, 1, 32));
        }

        Assert.True(capped.Mapping.Layers.Sum(l => l.BlocksPerCopy) > plain.Mapping.Layers.Sum(l => l.BlocksPerCopy));
        Assert.True(capped.Circuits.Area.Crossbar > plain.Circuits.Area.Crossbar);
        Assert.True(capped.Circuits.Area.Adc > plain.Circuits.Area.Adc);
        Assert.True(capped.Circuits.LeakageUw > plain.Circuits.LeakageUw);
    }

    private static (ChipMapping Mapping, ChipCircuits Circuits) Circuits(string[] overrides)
    {
        var spec = HardwareSpecLoader.Load(RepoPaths.Require(RepoPaths.Repo("hwspecs/default.yaml")), overrides);
        var mapping = CrossbarMapper.Map(DefaultCnn.Graph, spec);
        return (mapping, ChipCircuits.Build(mapping, CircuitOptions.Default));
    }
}
