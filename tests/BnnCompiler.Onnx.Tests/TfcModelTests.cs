using BnnCompiler.Core;
using BnnCompiler.Core.Analysis;
using BnnCompiler.Core.Interpretation;
using BnnCompiler.Core.Ir.Nodes;
using BnnCompiler.Data;
using BnnCompiler.Evaluation;
using BnnCompiler.Onnx.Reference;
using BnnCompiler.Testing;

namespace BnnCompiler.Onnx.Tests;

/// <summary>
/// The pretrained TFC networks from the QONNX model zoo: import, layer recognition, and agreement of ONNX
/// Runtime with the IR interpreter on all 10,000 MNIST digits (figures from onnx-models/external/README.md).
/// </summary>
public sealed class TfcModelTests
{
    private static readonly string W1A1 = RepoPaths.ExternalModel("tfc-w1a1/TFC_1W1A.qonnx.onnx");
    private static readonly string W1A2 = RepoPaths.ExternalModel("tfc-w1a1/TFC_1W2A.qonnx.onnx");

    [Fact]
    public void Should_Import_Four_Binary_Layers_With_A_Bipolar_Pixel_Input()
    {
        var model = OnnxFrontend.Load(W1A1);

        var layers = model.Graph.Nodes.OfType<BinaryLinearNode>().ToList();
        Assert.Equal(new[] { (784, 64), (64, 64), (64, 64), (64, 10) }, layers.Select(l => (l.Layout.Rows, l.Layout.Columns)));
        Assert.All(LayerTable.Build(model.Graph).Where(l => l.Rows > 0), l => Assert.Equal(LayerKinds.Binary, l.Kind));

        // The input binarizer is Mul 2 → Sub 1 → BipolarQuant: +1 exactly when pixel/255 ≥ 0.5.
        var input = Assert.IsType<ThresholdNode>(model.Graph.Producer(layers[0].Inputs[0]));
        Assert.Equal([0.5f], input.Thresholds);
        Assert.Equal(ValueEncoding.Bipolar, EncodingAnalysis.Compute(model.Graph)[input.Output]);
        Assert.Equal("QONNX (onnx.brevitas)", model.Dialect);
    }

    [Fact]
    public void Should_Agree_With_OnnxRuntime_On_All_MNIST_Digits_And_Score_92_94()
    {
        var model = OnnxFrontend.Load(W1A1);
        var result = ReferenceEvaluator.Compare(model, new SampleFeeder(model.Graph, DatasetCatalog.Load("mnist"), W1A1));

        Assert.Equal(10_000, result.Samples);
        Assert.Empty(result.Disagreements);
        Assert.Equal(9294, result.OnnxRuntimeCorrect);
        Assert.Equal(9294, result.InterpreterCorrect);
    }

    [Fact]
    public void Should_Classify_The_Four_Shipped_Test_Digits_As_7_2_1_0()
    {
        var model = OnnxFrontend.Load(W1A1);
        var digits = DatasetCatalog.Load(RepoPaths.ExternalModel("tfc-w1a1/mnist_test_first4_input.npy"));
        var feeder = new SampleFeeder(model.Graph, digits, W1A1);
        var interpreter = new IrInterpreter(model.Graph);
        using var ort = new OrtRunner(CustomOpLowering.LowerToBytes(model));

        var ir = Enumerable.Range(0, 4).Select(i => Top1.Of(interpreter.Run(feeder.Sample(i)))).ToArray();
        var reference = Enumerable.Range(0, 4).Select(i => Top1.Of(ort.Run(feeder.Sample(i)))).ToArray();

        Assert.Equal([7, 2, 1, 0], ir);
        Assert.Equal([7, 2, 1, 0], reference);
        Assert.Equal([7, 2, 1, 0], Enumerable.Range(0, 4).Select(digits.Label));
    }

    [Fact]
    public void Should_Import_Ternary_Activations_As_Two_Bit_Codes_And_Agree_On_All_Digits()
    {
        var model = OnnxFrontend.Load(W1A2);
        var encodings = EncodingAnalysis.Compute(model.Graph);
        var layers = model.Graph.Nodes.OfType<BinaryLinearNode>().ToList();

        Assert.Equal(4, layers.Count);
        Assert.All(layers, l => Assert.Equal(new ValueEncoding(3, 1f, -1f), encodings[l.Inputs[0]]));
        Assert.All(layers, l => Assert.Equal(2, encodings[l.Inputs[0]].Bits));

        var result = ReferenceEvaluator.Compare(model, new SampleFeeder(model.Graph, DatasetCatalog.Load("mnist"), W1A2));
        Assert.Empty(result.Disagreements);
        Assert.Equal(result.OnnxRuntimeCorrect, result.InterpreterCorrect);
    }
}
