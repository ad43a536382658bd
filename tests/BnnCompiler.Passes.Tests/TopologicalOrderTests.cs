using BnnCompiler.Core.Analysis;
using BnnCompiler.Core.Ir;
using BnnCompiler.Onnx;
using BnnCompiler.Testing;
using BnnCompiler.Zoo;
using Google.Protobuf;
using Onnx;

namespace BnnCompiler.Passes.Tests;

/// <summary>
/// The node order (hence the layer numbering of inspect, map, the program and the reports) is a function of the file:
/// every re-import gives the same order (each import builds new objects with new hash codes, so an order that leaned
/// on object hashing would differ between them as it would between runs); a file whose nodes are listed in another
/// order gives the same order where the dependencies leave no choice (identity shortcuts included), and a valid order
/// with the same layers, fixed by that file, where they do (projection shortcuts beside the main path).
/// </summary>
public sealed class TopologicalOrderTests
{
    [Theory]
    [InlineData("onnx-models/fmnist-rescnn.onnx")]
    [InlineData("onnx-models/fmnist-cnn.qonnx.onnx")]
    [InlineData("onnx-models/external/tfc-w1a1/TFC_1W1A.qonnx.onnx")]
    public void Should_Number_Layers_The_Same_In_Every_Import(string relative)
    {
        var bytes = File.ReadAllBytes(RepoPaths.Repo(relative));

        var orders = Enumerable.Range(0, 4).Select(_ => Numbering(OnnxFrontend.FromBytes(bytes, relative).Graph)).ToList();

        Assert.All(orders, o => Assert.Equal(orders[0], o));
        Assert.True(orders[0].Count > 3);
    }

    [Fact]
    public void Should_Number_The_Layers_Of_BResNet18_The_Same_In_Every_Import()
    {
        var bytes = ImageNetZoo.Build("bresnet18", 0).ToByteArray();

        var first = Numbering(OnnxFrontend.FromBytes(bytes, "bresnet18.onnx").Graph);
        var second = Numbering(OnnxFrontend.FromBytes(bytes, "bresnet18.onnx").Graph);

        Assert.Equal(first, second);
        Assert.Equal(first.Count, first.Distinct().Count());
    }

    [Theory]
    [InlineData("onnx-models/fmnist-cnn.onnx", 1)]
    [InlineData("onnx-models/fmnist-mlp.qonnx.onnx", 2)]
    [InlineData("onnx-models/external/tfc-w1a1/TFC_1W1A.qonnx.onnx", 3)]
    [InlineData("onnx-models/fmnist-rescnn.onnx", 4)]
    public void Should_Give_A_Chain_The_Same_Numbering_Whatever_The_Node_Order_In_The_File(string relative, int seed)
    {
        var bytes = File.ReadAllBytes(RepoPaths.Repo(relative));

        var original = OnnxFrontend.FromBytes(bytes, relative).Graph;
        var shuffled = OnnxFrontend.FromBytes(Shuffle(bytes, seed), relative).Graph;

        Assert.True(IsChain(original), "the model's canonical graph has one topological order");
        Assert.Equal(Numbering(original), Numbering(shuffled));
        Assert.Equal(LayerTable.Build(original), LayerTable.Build(shuffled));
    }

    [Fact]
    public void Should_Give_Parallel_Branches_A_Valid_Order_Fixed_By_The_File()
    {
        // BResNet18's downsampling blocks run a 1x1 projection beside the main path: two valid orders exist.
        var bytes = ImageNetZoo.Build("bresnet18", 0).ToByteArray();

        var original = OnnxFrontend.FromBytes(bytes, "bresnet18.onnx").Graph;
        var shuffled = OnnxFrontend.FromBytes(Shuffle(bytes, 4), "bresnet18.onnx").Graph;
        var again = OnnxFrontend.FromBytes(Shuffle(bytes, 4), "bresnet18.onnx").Graph;

        Assert.False(IsChain(original), "the network has parallel branches");
        Assert.Empty(IrVerifier.Verify(shuffled));
        Assert.Equal(Numbering(shuffled), Numbering(again));
        Assert.Equal(Numbering(original).Order(StringComparer.Ordinal), Numbering(shuffled).Order(StringComparer.Ordinal));
        Assert.Equal(LayerTable.Build(original).OrderBy(l => l.Name, StringComparer.Ordinal), LayerTable.Build(shuffled).OrderBy(l => l.Name, StringComparer.Ordinal));
    }

    /// <summary>Each node's name and operation, in graph order.</summary>
    private static List<string> Numbering(IrGraph graph) => graph.Nodes.Select(n => $"{n.Name}:{n.OpName}").ToList();

    /// <summary>True when each node reads the output of the node before it (a graph with a single topological order).</summary>
    private static bool IsChain(IrGraph graph) =>
        Enumerable.Range(1, graph.Nodes.Count - 1).All(i => graph.Nodes[i].Inputs.Contains(graph.Nodes[i - 1].Output));

    /// <summary>The same model with its nodes listed in a seeded random order.</summary>
    private static byte[] Shuffle(byte[] bytes, int seed)
    {
        var model = ModelProto.Parser.ParseFrom(bytes);
        var nodes = model.Graph.Node.ToArray();
        new Random(seed).Shuffle(nodes);
        Assert.NotEqual(model.Graph.Node.Select(n => n.Name), nodes.Select(n => n.Name));
        model.Graph.Node.Clear();
        model.Graph.Node.AddRange(nodes);
        return model.ToByteArray();
    }
}
