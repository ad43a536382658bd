namespace BnnCompiler.Mapping.Tests;

/// <summary>Every layer's weight matrix comes back exactly from the mapping's cell contents, in every weight-mapping mode.</summary>
[Collection(StudyModelsCollection.Name)]
public class ReassemblyTests(StudyModels models)
{
    public static TheoryData<string, string, string> Modes => new()
    {
        { "tiny.yaml", "two_cells_parallel", "rows" },
        { "tiny.yaml", "two_cells_parallel", "columns" },
        { "tiny.yaml", "two_cells_sequential", "rows" },
        { "tiny.yaml", "one_cell_reference", "rows" },
        { "default.yaml", "two_cells_parallel", "rows" },
        { "default.yaml", "two_cells_parallel", "columns" },
        { "default.yaml", "one_cell_reference", "rows" },
    };

    [Theory]
    [MemberData(nameof(Modes))]
    public void Should_Reassemble_Tfc_Weights_From_Cells(string spec, string mode, string pairLayout)
    {
        // Given the TFC MLP (784-64-64-64-10) on a spec in the given weight-mapping mode
        var hw = Specs.Load(spec, $"weights.mapping={mode}", $"weights.pair_layout={pairLayout}");

        // When it is mapped
        var mapping = CrossbarMapper.Map(models.Tfc, hw);

        // Then every weight of every layer is in exactly one cell pair (or cell) and decodes to its sign
        Assert.Equal(4, mapping.Layers.Count);
        CellReassembly.AssertEveryLayerReassembles(mapping);
    }

    [Theory]
    [InlineData("two_cells_parallel", "rows")]
    [InlineData("two_cells_parallel", "columns")]
    [InlineData("one_cell_reference", "rows")]
    public void Should_Reassemble_Every_Copy_Of_Duplicated_Conv_Layers(string mode, string pairLayout)
    {
        // Given conv layers with ragged edges (K = 27, 180; N = 20, 24) and three copies each
        var graph = TestGraphs.ConvChain(3, 3, 12, (20, 3, 1, 1), (24, 3, 2, 0));
        var hw = Specs.Tiny($"weights.mapping={mode}", $"weights.pair_layout={pairLayout}", "pipeline.duplication.degree=3");

        var mapping = CrossbarMapper.Map(graph, hw);

        Assert.All(mapping.Layers, l => Assert.Equal(3, l.Copies));
        CellReassembly.AssertEveryLayerReassembles(mapping);
    }

    [Fact]
    public void Should_Reassemble_BResNet18_On_The_Default_Spec()
    {
        var mapping = CrossbarMapper.Map(models.BResNet18, Specs.Default());

        Assert.Equal(21, mapping.Layers.Count);
        Assert.Equal(8, mapping.Layer("conv1").Copies);
        CellReassembly.AssertEveryLayerReassembles(mapping);
    }
}
