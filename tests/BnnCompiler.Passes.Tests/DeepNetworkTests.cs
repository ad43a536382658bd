using BnnCompiler.Core.Interpretation;
using BnnCompiler.Core.Ir.Nodes;
using BnnCompiler.Onnx.Checking;
using BnnCompiler.Onnx.Import;
using BnnCompiler.Onnx.Reference;
using BnnCompiler.Passes.Recognition;
using BnnCompiler.Testing;

namespace BnnCompiler.Passes.Tests;

/// <summary>
/// A network with far more binarizers than the pass manager's round cap (130 sign layers, each a Sign, Where, Cast or
/// Larq idiom behind a BatchNorm) is folded completely: every binarizer becomes one integer threshold on the binary
/// layer before it, and the folded graph reproduces ONNX Runtime and the interpreter on the graph as imported, bit
/// for bit, on seeded inputs that include zeros.
/// </summary>
public sealed class DeepNetworkTests
{
    private const int Hidden = 130;

    [Theory]
    [InlineData(Dialect.PyTorchSign)]
    [InlineData(Dialect.PyTorchWhere)]
    [InlineData(Dialect.PyTorchCast)]
    [InlineData(Dialect.Larq)]
    [InlineData(Dialect.QonnxBrevitas)]
    [InlineData(Dialect.Finn)]
    public void Should_Fold_Every_Binarizer_Of_A_Network_Deeper_Than_The_Round_Cap(Dialect dialect)
    {
        Assert.True(Hidden > 2 * PassManager.MaxRoundsPerPass);
        var bytes = DialectModels.BuildDeep(dialect, Hidden, seed: 21);
        var rounds = new Dictionary<string, int>();

        var onnx = OnnxModelLoader.Parse(bytes, "deep.onnx");
        var graph = OnnxImporter.Import(onnx, "deep.onnx", ModelLimits.Default, out var shapes, out _);
        RecognitionPipeline.Create((pass, _) => rounds[pass.Name] = rounds.GetValueOrDefault(pass.Name) + 1,
            new PassChecks(Structure: true, InterpreterSamples: 3, Seed: 5)).Run(graph, "deep.onnx");
        var nodes = graph.Nodes;

        // Every binarizer is one threshold on the integer dot product of the layer before it (or on the input).
        var layers = nodes.OfType<BinaryLinearNode>().ToList();
        var thresholds = nodes.OfType<ThresholdNode>().ToList();
        Assert.Equal(Hidden + 1, layers.Count);
        Assert.Equal(Hidden + 1, thresholds.Count);
        Assert.All(layers.Skip(1), l => Assert.Contains(thresholds, t => t.Output == l.Inputs[0] && layers.Any(p => p.Output == t.Inputs[0])));
        Assert.Single(nodes.OfType<BatchNormNode>());
        Assert.DoesNotContain(nodes, n => n is UnaryNode or WhereNode or ElementwiseNode or QuantNode);

        // Each pass needed a handful of rounds, not one per layer.
        Assert.All(rounds.Values, r => Assert.InRange(r, 1, 3));

        using var ort = new OrtRunner(CustomOpLowering.LowerToBytes(onnx, shapes));
        var imported = new IrInterpreter(OnnxImporter.Import(onnx, "deep.onnx"));
        var folded = new IrInterpreter(graph);
        var rng = new Random(13);
        for (var i = 0; i < 100; i++)
        {
            var input = DialectModels.Input(conv: false, rng);
            var expected = ort.Run(input);
            Assert.Equal(expected, imported.Run(input));
            Assert.Equal(expected, folded.Run(input));
        }
    }
}
