using BnnCompiler.Testing;

namespace BnnCompiler.Architecture.Tests;

public sealed class ProjectGraphTests
{
    private static readonly ProjectGraph Repository = ProjectGraph.Read(RepoPaths.Root);

    [Fact]
    public void Every_reference_points_to_a_lower_layer()
    {
        Assert.Empty(Repository.Violations(ProjectGraph.Layers));
    }

    [Fact]
    public void The_graph_read_has_every_layered_project_and_its_references()
    {
        Assert.Equal(ProjectGraph.Layers.SelectMany(l => l).Order(StringComparer.Ordinal), Repository.References.Keys);
        Assert.Equal(["BnnCompiler.Core", "BnnCompiler.Hardware", "BnnCompiler.Mapping", "BnnCompiler.Isa", "BnnCompiler.Circuits"], Repository.References["BnnCompiler.Simulator"]);
    }

    [Theory]
    [InlineData("BnnCompiler.Simulator", "BnnCompiler.CostModel")]
    [InlineData("BnnCompiler.Isa", "BnnCompiler.CostModel")]
    [InlineData("BnnCompiler.Circuits", "BnnCompiler.CostModel")]
    [InlineData("BnnCompiler.Circuits", "BnnCompiler.Isa")]
    [InlineData("BnnCompiler.Mapping", "BnnCompiler.Circuits")]
    [InlineData("BnnCompiler.CostModel", "BnnCompiler.Simulator")]
    public void Lower_projects_do_not_see_higher_ones(string from, string to)
    {
        Assert.False(Repository.Reaches(from, to), $"{from} reaches {to}");
    }

    [Fact]
    public void A_back_edge_or_an_unplaced_project_is_reported()
    {
        var graph = new ProjectGraph(new Dictionary<string, IReadOnlyList<string>>
        {
            ["A"] = [],
            ["B"] = ["A"],
            ["C"] = ["B", "A"],
            ["D"] = [],
        });
        IReadOnlyList<IReadOnlyList<string>> layers = [["A", "C"], ["B"]];

        var problems = graph.Violations(layers);

        Assert.Equal(["back edge: C (layer 0) references B (layer 1)", "back edge: C (layer 0) references A (layer 0)", "D is in no layer: add it to ProjectGraph.Layers and the README's layout"], problems);
        Assert.Empty(graph.Violations([["A"], ["B"], ["C"], ["D"]]));
    }
}
