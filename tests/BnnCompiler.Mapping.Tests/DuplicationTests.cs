using BnnCompiler.Mapping.Passes;

namespace BnnCompiler.Mapping.Tests;

/// <summary>Weight duplication: auto balancing lowers the slowest stage within max_copies and the tile budget; fixed copies as told.</summary>
[Collection(StudyModelsCollection.Name)]
public class DuplicationTests(StudyModels models)
{
    /// <summary>BResNet18 with 1-bit inputs everywhere (the study's hardware tables): one copy of each layer is 133 tiles.</summary>
    private const string OneBitInputs = "readout.input_bits=1";

    [Fact]
    public void Should_Lower_The_Slowest_Stage_Of_BResNet18_Within_An_Unlimited_Budget()
    {
        // Given no duplication, the slowest stage is conv1: 12,544 pixels × 1 bit × 8 sensing cycles
        var none = CrossbarMapper.Map(models.BResNet18, Specs.Default(OneBitInputs, "pipeline.duplication.mode=fixed", "pipeline.duplication.degree=1"));
        Assert.Equal(12_544L * 8, none.Schedule.SlowestStageCycles);

        // When duplication is auto (at most 8 copies)
        var auto = CrossbarMapper.Map(models.BResNet18, Specs.Default(OneBitInputs));

        // Then by hand: conv1 2, 3, 4 copies (3136, tied with s1.* and first in order), 5; s1.b0..b3 2 copies each (1568);
        // conv1 6, 7, 8 (1568); conv1 is again the slowest and at its cap: stop. Slowest 1568 · 8 cycles.
        var copies = auto.Layers.ToDictionary(l => l.Name, l => l.Copies);
        Assert.Equal(8, copies["conv1"]);
        Assert.All(new[] { "s1.b0", "s1.b1", "s1.b2", "s1.b3" }, n => Assert.Equal(2, copies[n]));
        Assert.All(auto.Layers.Skip(5), l => Assert.Equal(1, l.Copies));
        Assert.Equal(1568L * 8, auto.Schedule.SlowestStageCycles);
        Assert.Equal(133 + 7 + (4 * 3), auto.Totals.TilesUsed);
    }

    [Theory]
    [InlineData(133)]
    [InlineData(134)]
    [InlineData(136)]
    [InlineData(140)]
    [InlineData(150)]
    [InlineData(152)]
    [InlineData(400)]
    public void Should_Never_Exceed_The_Tile_Budget(int budget)
    {
        var mapping = CrossbarMapper.Map(models.BResNet18, Specs.Default(OneBitInputs, $"pipeline.duplication.tile_budget={budget}"));

        Assert.True(mapping.Totals.TilesUsed <= budget, $"{mapping.Totals.TilesUsed} tiles used, budget {budget}");
        Assert.Equal(mapping.Layers.Sum(l => l.Tiles), mapping.Totals.TilesUsed);
        Assert.All(mapping.Layers, l => Assert.InRange(l.Copies, 1, 8));
        if (budget == 133)
        {
            Assert.All(mapping.Layers, l => Assert.Equal(1, l.Copies));
        }
        else
        {
            Assert.True(mapping.Schedule.SlowestStageCycles < 12_544L * 8, "a copy of conv1 (1 tile) always fits and lowers the slowest stage");
        }
    }

    [Fact]
    public void Should_Not_Slow_Down_As_The_Budget_Grows()
    {
        var slowest = new[] { 133, 135, 137, 140, 143, 146, 149, 152 }
            .Select(b => CrossbarMapper.Map(models.BResNet18, Specs.Default(OneBitInputs, $"pipeline.duplication.tile_budget={b}")).Schedule.SlowestStageCycles)
            .ToList();

        Assert.Equal(slowest.OrderByDescending(c => c), slowest);
        Assert.True(slowest[^1] < slowest[0]);
    }

    [Fact]
    public void Should_Fill_Every_Useful_Copy_Layer_By_Layer()
    {
        // Layer by layer the sum of the stages counts, so every layer that can be sped up gets copies
        var mapping = CrossbarMapper.Map(models.BResNet18, Specs.Default(OneBitInputs, "pipeline.mode=layer_by_layer"));

        Assert.All(mapping.Layers, l => Assert.True(BalanceDuplication.NextUsefulCopies(l.OutputPixels, l.Copies) is null or > 8, $"{l.Name}: {l.Copies} copies"));
        Assert.Equal(7, mapping.Layer("s4.b1").Copies); // 49 pixels: 7 copies of 7 pixels; 8 copies would still need 7
        Assert.Equal(1, mapping.Layer("fc").Copies);
        Assert.Equal(mapping.Schedule.TotalStageCycles, mapping.Schedule.ImageIntervalCycles);
    }

    [Fact]
    public void Should_Give_Every_Layer_The_Fixed_Degree_Up_To_Its_Pixels()
    {
        // Given conv layers of 8x8 = 64 and 1x1 = 1 output pixels on the tiny chip with fixed degree 4
        var graph = TestGraphs.ConvChain(1, 2, 8, (8, 3, 1, 1), (8, 8, 1, 0));
        var mapping = CrossbarMapper.Map(graph, Specs.Tiny("pipeline.duplication.degree=4"));

        Assert.Equal([4, 1], mapping.Layers.Select(l => l.Copies));
        Assert.Equal([new PixelRange(0, 16), new PixelRange(16, 16), new PixelRange(32, 16), new PixelRange(48, 16)],
            Enumerable.Range(0, 4).Select(mapping.Layers[0].CopyPixels));
    }

    [Theory]
    [InlineData(12544, 1, 2)]
    [InlineData(12544, 4, 5)]
    [InlineData(49, 7, 9)]
    [InlineData(5, 4, 5)]
    [InlineData(1, 1, null)]
    [InlineData(7, 7, null)]
    public void Should_Find_The_Fewest_Copies_That_Lower_A_Stage(int pixels, int copies, int? expected)
    {
        Assert.Equal(expected, BalanceDuplication.NextUsefulCopies(pixels, copies));
    }

    [Fact]
    public void Should_Split_Pixels_Evenly_Over_Copies()
    {
        var graph = TestGraphs.ConvChain(1, 1, 5, (4, 3, 2, 1)); // 3x3 = 9 output pixels
        var layer = CrossbarMapper.Map(graph, Specs.Tiny("pipeline.duplication.degree=4")).Layers[0];

        Assert.Equal([new PixelRange(0, 2), new PixelRange(2, 2), new PixelRange(4, 2), new PixelRange(6, 3)],
            Enumerable.Range(0, 4).Select(layer.CopyPixels));
    }
}
