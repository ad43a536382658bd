using BnnCompiler.Core.Interpretation;
using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;
using BnnCompiler.Onnx.Import;
using BnnCompiler.Passes.Recognition;
using BnnCompiler.Testing;

namespace BnnCompiler.Passes.Tests;

/// <summary>
/// Each recognition pass keeps the numbers: the graph before and after the pass computes identical outputs
/// on seeded inputs, the matched idiom is gone, and graphs that do not match are left untouched.
/// </summary>
public sealed class PassTests
{
    public static TheoryData<Dialect, bool> Cases()
    {
        var data = new TheoryData<Dialect, bool>();
        foreach (var d in Enum.GetValues<Dialect>())
        {
            data.Add(d, false);
            data.Add(d, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_Keep_Outputs_Identical_After_Every_Pass(Dialect dialect, bool conv)
    {
        var model = OnnxModelLoader.Parse(DialectModels.Build(dialect, conv, alpha: true, seed: 5), "m.onnx");
        var before = OnnxImporter.Import(model, "m.onnx");
        var after = OnnxImporter.Import(model, "m.onnx");
        var inputs = Enumerable.Range(0, 100).Select(i => DialectModels.Input(conv, new Random(i))).ToList();
        var reference = new IrInterpreter(before);
        var expected = inputs.Select(i => reference.Run(i)).ToList();
        var changed = new List<string>();

        RecognitionPipeline.Create((pass, graph) =>
        {
            changed.Add(pass.Name);
            var interpreter = new IrInterpreter(graph);
            for (var i = 0; i < inputs.Count; i++)
            {
                Assert.Equal(expected[i], interpreter.Run(inputs[i]));
            }
        }).Run(after);

        Assert.Contains("fold-into-integer-thresholds", changed);
        Assert.DoesNotContain(after.Nodes, n => n is BatchNormNode && after.Producer(n.Inputs[0]) is BinaryLinearNode && after.Consumers(n.Output).Any(c => c is ThresholdNode));
    }

    [Fact]
    public void Should_Leave_A_Comparison_Of_Two_Activations_Untouched()
    {
        var x = new IrValue("x", new TensorShape(1, 4));
        var y = new IrValue("y", new TensorShape(1, 4));
        var sum = new IrValue("s", new TensorShape(1, 4));
        var cmp = new IrValue("c", new TensorShape(1, 4));
        var graph = new IrGraph("g", [x], [cmp],
        [
            new ElementwiseNode("add", "Add", ElementwiseOp.Add, x, x, sum),
            new ElementwiseNode("ge", "GreaterOrEqual", ElementwiseOp.GreaterOrEqual, sum, x, cmp),
        ]);
        _ = y;

        Assert.False(new ComparisonToThreshold().Run(graph));
        Assert.False(new FoldIntoIntegerThresholds().Run(graph));
        Assert.Equal(2, graph.Nodes.Count);
    }

    [Theory]
    [InlineData(2f, -1f, 2f, true)]
    [InlineData(2f, -1f, -3f, true)]
    [InlineData(0.1f, 0.7f, 3f, false)]
    public void Should_Fold_An_Output_Step_Only_When_Float32_Agrees(float scale, float bias, float k, bool foldable)
    {
        // threshold·s + b then ·k folds into (s·k)·code + b·k only where float32 gives the same levels:
        // for s = 0.1, b = 0.7, k = 3 the level (0.1 + 0.7)·3 rounds differently from 0.3·1 + 2.1.
        var x = new IrValue("x", new TensorShape(1, 4));
        var t = new IrValue("t", new TensorShape(1, 4));
        var c = new IrValue("k", TensorShape.Scalar, [k]);
        var y = new IrValue("y", new TensorShape(1, 4));
        IrGraph Build() => new("g", [x], [y],
        [
            new ThresholdNode("t", "BipolarQuant", x, t, [0f], 1, null, false, scale, bias),
            new ElementwiseNode("mul", "Mul", ElementwiseOp.Mul, t, c, y),
        ]);
        var graph = Build();

        Assert.Equal(foldable, new FoldThresholdOutputAffine().Run(graph));
        float[] input = [-1f, 0f, 2f, -0.5f];
        Assert.Equal(new IrInterpreter(Build()).Run(input), new IrInterpreter(graph).Run(input));
    }

    [Fact]
    public void Should_Flip_The_Comparison_For_A_Negative_Gamma()
    {
        // d = binary dot of 4 bipolar inputs (−4..4); BN with γ = −1, μ = 1, β = 0, var = 1: y ≥ 0 ⟺ d ≤ 1.
        var x = new IrValue("x", new TensorShape(1, 4));
        var bx = new IrValue("bx", new TensorShape(1, 4));
        var d = new IrValue("d", new TensorShape(1, 1));
        var n = new IrValue("n", new TensorShape(1, 1));
        var y = new IrValue("y", new TensorShape(1, 1));
        var graph = new IrGraph("g", [x], [y],
        [
            new ThresholdNode("in", "BipolarQuant", x, bx, [0f], 1, null, false, 2f, -1f),
            new BinaryLinearNode("fc", "MatMul", bx, d, Core.Ir.Nodes.LinearLayout.Dense(4, 1), [1, 1, 1, 1], null, null),
            new BatchNormNode("bn", "BatchNormalization", d, n, [-1f], [0f], [1f], [1f - 1e-5f], 1e-5f),
            new ThresholdNode("out", "BipolarQuant", n, y, [0f], 1, null, false, 2f, -1f),
        ]);

        new FoldIntoIntegerThresholds().Run(graph);
        graph.RemoveDeadNodes();

        var folded = Assert.Single(graph.Nodes.OfType<ThresholdNode>(), t => t.Name == "out");
        Assert.Same(d, folded.Inputs[0]);
        Assert.Equal(new sbyte[] { -1 }, folded.ChannelSigns);
        Assert.Equal([-1f], folded.Thresholds);
        var interpreter = new IrInterpreter(graph);
        Assert.Equal([1f], interpreter.Run([1, 1, -1, -1]));
        Assert.Equal([-1f], interpreter.Run([1, 1, 1, -1]));
    }
}
