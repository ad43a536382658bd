using BnnCompiler.Core.Analysis;
using BnnCompiler.Core.Interpretation;
using BnnCompiler.Core.Ir.Nodes;
using BnnCompiler.Onnx;
using BnnCompiler.Onnx.Reference;
using BnnCompiler.Testing;

namespace BnnCompiler.Onnx.Tests;

/// <summary>
/// Every exporter dialect, dense and convolutional, with and without α: the imported canonical IR must hold
/// only binary layers and thresholds (no exporter idiom left), and the interpreter must reproduce ONNX
/// Runtime's outputs bit for bit on seeded inputs that include zeros.
/// </summary>
public sealed class DialectImportTests
{
    public static TheoryData<Dialect, bool, bool> Cases()
    {
        var data = new TheoryData<Dialect, bool, bool>();
        foreach (var dialect in Enum.GetValues<Dialect>())
        {
            foreach (var conv in new[] { false, true })
            {
                foreach (var alpha in new[] { false, true })
                {
                    data.Add(dialect, conv, alpha);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_Match_OnnxRuntime_Exactly(Dialect dialect, bool conv, bool alpha)
    {
        // Given a small model written in the dialect
        var bytes = DialectModels.Build(dialect, conv, alpha, seed: 7);
        var model = OnnxFrontend.FromBytes(bytes, $"{dialect}.onnx");

        // When ONNX Runtime (custom ops lowered) and the interpreter run the same inputs
        using var ort = new OrtRunner(CustomOpLowering.LowerToBytes(model));
        var interpreter = new IrInterpreter(model.Graph);
        var rng = new Random(11);
        for (var i = 0; i < 300; i++)
        {
            var input = DialectModels.Input(conv, rng);
            var expected = ort.Run(input);
            var actual = interpreter.Run(input);

            // Then the outputs are identical to the bit
            Assert.Equal(expected, actual);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_Recognise_Binary_Layers(Dialect dialect, bool conv, bool alpha)
    {
        var model = OnnxFrontend.FromBytes(DialectModels.Build(dialect, conv, alpha, seed: 3), $"{dialect}.onnx");
        var nodes = model.Graph.Nodes;

        var layers = nodes.OfType<BinaryLinearNode>().ToList();
        Assert.Equal(2, layers.Count);
        Assert.Equal(conv ? [18, 36] : [16, 8], layers.Select(l => l.Layout.Rows));
        Assert.DoesNotContain(nodes, n => n is WhereNode or FloatLinearNode);
        Assert.DoesNotContain(nodes, n => n is UnaryNode { Op: UnaryOp.Sign } or ElementwiseNode { Op: ElementwiseOp.GreaterOrEqual });

        // The hidden binarizer reads the first layer's integer dot product directly (BatchNorm folded).
        var encodings = EncodingAnalysis.Compute(model.Graph);
        var hidden = Assert.IsType<ThresholdNode>(model.Graph.Producer(layers[1].Inputs[0]) is PoolNode p ? model.Graph.Producer(p.Inputs[0]) : model.Graph.Producer(layers[1].Inputs[0]));
        Assert.Same(layers[0].Output, hidden.Inputs[0]);
        Assert.Null(layers[0].Alpha);
        if (dialect != Dialect.PyTorchSign)
        {
            Assert.Equal(ValueEncoding.Bipolar, encodings[layers[1].Inputs[0]]);
        }

        // The last layer keeps α for the float BatchNorm that follows it.
        Assert.Equal(alpha, layers[1].Alpha is not null);
    }

    [Theory]
    [InlineData(Dialect.QonnxBrevitas, "QONNX (onnx.brevitas)")]
    [InlineData(Dialect.QonnxGeneral, "QONNX (qonnx.custom_op.general)")]
    [InlineData(Dialect.Finn, "FINN-ONNX")]
    [InlineData(Dialect.FinnLegacy, "FINN-ONNX")]
    [InlineData(Dialect.PyTorchWhere, "PyTorch (plain ONNX)")]
    [InlineData(Dialect.PyTorchCast, "PyTorch (plain ONNX)")]
    [InlineData(Dialect.PyTorchSign, "PyTorch (plain ONNX)")]
    [InlineData(Dialect.Larq, "Larq (tf2onnx)")]
    public void Should_Name_The_Dialect(Dialect dialect, string expected)
    {
        var model = OnnxFrontend.FromBytes(DialectModels.Build(dialect, conv: false, alpha: false, seed: 1), "m.onnx");
        Assert.Equal(expected, model.Dialect);
    }
}
