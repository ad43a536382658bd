using BnnCompiler.Core.Diagnostics;

namespace BnnCompiler.Mapping.Tests;

/// <summary>Bad input: models that do not fit, budgets that cannot hold the model, nothing to map; exact messages.</summary>
[Collection(StudyModelsCollection.Name)]
public class DiagnosticTests(StudyModels models)
{
    [Fact]
    public void Should_Name_The_Layer_Larger_Than_A_Fixed_Chip_And_What_Fits()
    {
        // Given the tiny chip cut to 2x2 tiles of 32x64 weights, and TFC's first layer of 784x64 (25 tiles)
        var spec = Specs.Tiny("chip.tiles.rows=2", "chip.tiles.columns=2");

        var error = Assert.Throws<DiagnosticException>(() => CrossbarMapper.Map(models.Tfc, spec));

        var d = Assert.Single(error.Diagnostics);
        Assert.Equal(MappingCodes.LayerTooLarge, d.Code);
        Assert.Equal(new SourceLocation(spec.SourcePath, Detail: "chip.tiles"), d.Location);
        Assert.Equal(
            "layer 'MatMul_16' (784x64 weights) needs 25 tiles (25x1 tiles of 2x2 PEs of 2x2 subarrays of 16x16 cells, 32x64 weights a tile), " +
            "but chip.tiles is 2x2 = 4 tiles; of its N = 64 outputs, at most K = 128 inputs fit; set chip.tiles to auto or to at least 25 tiles",
            d.Message);
    }

    [Fact]
    public void Should_Say_What_Fits_When_Even_One_Row_Of_Tiles_Is_Too_Wide()
    {
        // 2 tiles of 64 columns; a 16 -> 200 layer needs 4 tile columns
        var graph = TestGraphs.ConvChain(1, 16, 1, (200, 1, 1, 0));
        var error = Assert.Throws<DiagnosticException>(() => CrossbarMapper.Map(graph, Specs.Tiny("chip.tiles.rows=1", "chip.tiles.columns=2")));

        var d = Assert.Single(error.Diagnostics);
        Assert.Equal(MappingCodes.LayerTooLarge, d.Code);
        Assert.EndsWith("but chip.tiles is 1x2 = 2 tiles; at most N = 128 outputs with K <= 32 inputs fit; set chip.tiles to auto or to at least 4 tiles", d.Message);
    }

    [Fact]
    public void Should_Report_A_Model_Larger_Than_A_Fixed_Chip()
    {
        // Every TFC layer fits 5x5 tiles alone (25, 2, 2, 2) but not together (31)
        var error = Assert.Throws<DiagnosticException>(() => CrossbarMapper.Map(models.Tfc, Specs.Tiny("chip.tiles.rows=5", "chip.tiles.columns=5")));

        var d = Assert.Single(error.Diagnostics);
        Assert.Equal(MappingCodes.ModelTooLarge, d.Code);
        Assert.Equal(
            "the model needs 31 tiles for one copy of each of its 4 layers (tiles of 2x2 PEs of 2x2 subarrays of 16x16 cells, 32x64 weights a tile), " +
            "but chip.tiles is 5x5 = 25 tiles; the largest layers: 'MatMul_16' 25, 'MatMul_24' 2, 'MatMul_32' 2, 'MatMul_40' 2; set chip.tiles to auto or to at least 31 tiles",
            d.Message);
    }

    [Fact]
    public void Should_Report_A_Tile_Budget_Below_One_Copy()
    {
        // TFC on the default spec: tile 2x2 PEs of 1x1 subarrays (128 x 256 weights): 7 + 1 + 1 + 1 = 10 tiles
        var spec = Specs.Default("pipeline.duplication.tile_budget=5");

        var d = Assert.Single(Assert.Throws<DiagnosticException>(() => CrossbarMapper.Map(models.Tfc, spec)).Diagnostics);

        Assert.Equal(MappingCodes.DuplicationDoesNotFit, d.Code);
        Assert.Equal("pipeline.duplication.tile_budget 5 is below the 10 tiles one copy of each layer needs", d.Message);
        Assert.Equal(new SourceLocation(spec.SourcePath, Detail: "pipeline.duplication.tile_budget"), d.Location);
    }

    [Fact]
    public void Should_Report_A_Fixed_Degree_That_Overflows_The_Chip()
    {
        // 3 -> 8 conv on 16x16 pixels: 1 tile a copy; the tiny chip has 64 tiles; 100 copies do not fit
        var graph = TestGraphs.ConvChain(1, 3, 16, (8, 3, 1, 1));
        var d = Assert.Single(Assert.Throws<DiagnosticException>(() => CrossbarMapper.Map(graph, Specs.Tiny("pipeline.duplication.degree=100"))).Diagnostics);

        Assert.Equal(MappingCodes.DuplicationDoesNotFit, d.Code);
        Assert.Equal("pipeline.duplication.degree 100 needs 100 tiles, but chip.tiles holds 64; one copy of each layer needs 1", d.Message);
    }

    [Fact]
    public void Should_Report_A_Model_With_Nothing_To_Map()
    {
        var error = Assert.Throws<DiagnosticException>(() => CrossbarMapper.Map(TestGraphs.FloatOnly(), Specs.Default()));

        Assert.Equal(
        [
            "float-only: test 'only': warning BNN4005: layer 'only' stays digital: its weights are not ±1 (per output channel); only layers with ±1 weights and integer-coded inputs map onto crossbars",
            "float-only: error BNN4004: the model has no layer with ±1 weights and integer-coded (binarized or quantized) inputs; nothing maps onto crossbars",
        ], error.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Should_Warn_About_Layers_Kept_Digital_And_Run_Them_On_Their_Producer()
    {
        var mapping = CrossbarMapper.Map(TestGraphs.WithDigitalLayers(), Specs.Default());

        Assert.Equal(["a"], mapping.Layers.Select(l => l.Name));
        Assert.Equal(
        [
            "digital-layers: test 'b': warning BNN4005: layer 'b' stays digital: its input is not an integer code (no binarizer or quantizer before it); only layers with ±1 weights and integer-coded inputs map onto crossbars",
            "digital-layers: test 'c': warning BNN4005: layer 'c' stays digital: its weights are not ±1 (per output channel); only layers with ±1 weights and integer-coded inputs map onto crossbars",
        ], mapping.Warnings.Select(d => d.ToString()));
        Assert.Equal([("b", "binary_linear", "a"), ("c", "float_linear", "a")], mapping.Layers[0].DigitalOps.Select(o => (o.Name, o.Op, o.Layer!)));
        Assert.Equal([("sign", "threshold")], mapping.InputOps.Select(o => (o.Name, o.Op)));
    }
}
