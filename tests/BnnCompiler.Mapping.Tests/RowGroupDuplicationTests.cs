using BnnCompiler.Hardware;

namespace BnnCompiler.Mapping.Tests;

/// <summary>
/// Duplication balances the stages the schedule gives: a stage read in row groups (subarray.parallel_rows below the
/// rows) takes its groups' sensing cycles, so the balancer gives copies to the stage that is slowest counting them.
/// </summary>
[Collection(StudyModelsCollection.Name)]
public class RowGroupDuplicationTests(StudyModels models)
{
    /// <summary>
    /// Tiny chip (16 × 16 subarrays, pair in rows: 8 weight rows; 4 columns an ADC), read 4 of 16 rows at a time: groups
    /// of 2 weight rows. conv0 (K = 1, one group, 2 input bits) and conv1 (K = 8, four groups, 1 bit), 64 pixels each.
    /// </summary>
    private static readonly string[] TinyGroups =
        ["subarray.parallel_rows=4", "readout.input_bits=2", "pipeline.duplication.mode=auto", "pipeline.duplication.max_copies=8"];

    [Fact]
    public void Should_Give_Copies_To_The_Stage_Its_Row_Groups_Make_Slowest_On_A_Small_Chip()
    {
        var graph = TestGraphs.ConvChain(3, 1, 8, (8, 1, 1, 0), (8, 1, 1, 0));

        var mapping = CrossbarMapper.Map(graph, Specs.Tiny(TinyGroups));

        // By hand, stage cycles = ⌈64 / d⌉ · bits · 4 mux steps · groups: conv0 ⌈64/d⌉ · 2 · 4, conv1 ⌈64/d⌉ · 1 · 16.
        // One copy each: conv0 512, conv1 1024. conv1 2 (512); tie, conv0 first: conv0 2 (256); conv1 3 (352), 4 (256);
        // tie: conv0 3 (176); conv1 5 (208), 6 (176); tie: conv0 4 (128); conv1 7 (160), 8 (128); tie: conv0 5 (104);
        // conv1 is the slowest at its 8 copies: stop. One image every 128 cycles.
        Assert.Equal([2, 1], mapping.Layers.Select(l => l.InputBits));
        Assert.Equal([5, 8], mapping.Layers.Select(l => l.Copies));
        Assert.Equal([104L, 128L], mapping.Schedule.Stages.Select(s => s.SensingCycles));
        Assert.Equal(128L, mapping.Schedule.ImageIntervalCycles);

        // Weighed by pixels and input bits alone (the chip read at once, where every stage has one group), conv0 would
        // get 8 copies and conv1 4: conv1's 16 pixels · 16 cycles = 256 a stage, twice the interval above.
        var atOnce = CrossbarMapper.Map(graph, Specs.Tiny([.. TinyGroups, "subarray.parallel_rows=all"]));
        Assert.Equal([8, 4], atOnce.Layers.Select(l => l.Copies));
        Assert.Equal(256L, IntervalAt(mapping.Spec, atOnce));
    }

    [Fact]
    public void Should_Stop_At_The_Tile_Budget_On_A_Small_Chip()
    {
        var graph = TestGraphs.ConvChain(3, 1, 8, (8, 1, 1, 0), (8, 1, 1, 0));

        var mapping = CrossbarMapper.Map(graph, Specs.Tiny([.. TinyGroups, "pipeline.duplication.tile_budget=6"]));

        // One tile a copy: conv1 2 (3 tiles), conv0 2 (4), conv1 3 (5), conv1 4 (6); conv0 and conv1 tie at 256 and
        // conv0's third copy would be the 7th tile: stop.
        Assert.Equal([2, 4], mapping.Layers.Select(l => l.Copies));
        Assert.Equal(6, mapping.Totals.TilesUsed);
        Assert.Equal(256L, mapping.Schedule.ImageIntervalCycles);
    }

    [Theory]
    [InlineData("all", 1, 6_272L)]
    [InlineData("64", 2, 6_272L)]
    [InlineData("32", 4, 6_272L)]
    public void Should_Copy_The_Default_Cnns_Second_Convolution_When_Its_Row_Groups_Make_It_Slowest(string parallelRows, int conv2Copies, long interval)
    {
        var mapping = CrossbarMapper.Map(models.FmnistCnn, Specs.Study("subarray.parallel_rows=" + parallelRows));

        // conv1: 784 px · 8 bits · 8 mux steps, one group (9 rows) whatever the groups: 50,176 for one copy, 6,272 for 8.
        // conv2: 784 px · 1 bit · 8 · g (its 64-row blocks read in g = 1, 2, 4 groups): 6,272, 12,544, 25,088 for one
        // copy; conv2 is copied until it is no slower than conv1's 8 copies.
        var copies = mapping.Layers.ToDictionary(l => l.Name, l => l.Copies);
        Assert.Equal(8, copies["conv1"]);
        Assert.Equal(conv2Copies, copies["conv2"]);
        Assert.All(mapping.Layers.Skip(2), l => Assert.Equal(1, l.Copies));
        Assert.Equal(interval, mapping.Schedule.ImageIntervalCycles);
        Assert.Equal(6_272L, mapping.Schedule.Stages[0].SensingCycles);
        Assert.Equal(22 + 7 + (2 * (conv2Copies - 1)), mapping.Totals.TilesUsed); // conv1 one tile a copy, conv2 two
    }

    [Theory]
    [InlineData("32", "layer_pipelined")]
    [InlineData("64", "layer_pipelined")]
    [InlineData("32", "layer_by_layer")]
    public void Should_Never_Be_Slower_Than_Copies_Weighed_By_Pixels_And_Bits_Within_A_Tile_Budget(string parallelRows, string mode)
    {
        foreach (var budget in Enumerable.Range(22, 16))
        {
            string[] chip = [$"pipeline.mode={mode}", $"pipeline.duplication.tile_budget={budget}"];
            var mapping = CrossbarMapper.Map(models.FmnistCnn, Specs.Study([.. chip, "subarray.parallel_rows=" + parallelRows]));
            var weighedByPixels = CrossbarMapper.Map(models.FmnistCnn, Specs.Study([.. chip, "subarray.parallel_rows=all"]));

            Assert.True(mapping.Totals.TilesUsed <= budget, $"budget {budget}: {mapping.Totals.TilesUsed} tiles");
            var before = mode == "layer_pipelined" ? IntervalAt(mapping.Spec, weighedByPixels) : TotalAt(mapping.Spec, weighedByPixels);
            Assert.True(mapping.Schedule.ImageIntervalCycles <= before, $"budget {budget}: {mapping.Schedule.ImageIntervalCycles} cycles an image against {before}");
        }
    }

    /// <summary>The pipeline interval <paramref name="mapping"/>'s copies would give read as <paramref name="spec"/> reads: its slowest stage, by hand.</summary>
    private static long IntervalAt(HardwareSpec spec, ChipMapping mapping) => StagesAt(spec, mapping).Max();

    private static long TotalAt(HardwareSpec spec, ChipMapping mapping) => StagesAt(spec, mapping).Sum();

    /// <summary>⌈pixels / copies⌉ · input bits · mux steps · ReadsPerInput · ⌈min(K, weight rows) / group rows⌉, per layer.</summary>
    private static IEnumerable<long> StagesAt(HardwareSpec spec, ChipMapping mapping) => mapping.Layers.Select(l =>
    {
        var pixels = (l.OutputPixels + l.Copies - 1) / l.Copies;
        var groupRows = spec.WeightRowsPerSubarray / (spec.Subarray.Rows / spec.Subarray.ParallelRows);
        var groups = (Math.Min(l.Rows, spec.WeightRowsPerSubarray) + groupRows - 1) / groupRows;
        return (long)pixels * l.InputBits * spec.MuxInputsPerAdc * groups * spec.Weights.ReadsPerInput;
    });
}
