using BnnCompiler.Core.Interpretation;
using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Core.Tests;

/// <summary>The interpreter's binary convolution (zero padding, α and bias) and multi-level thresholds against values worked out by hand.</summary>
public sealed class InterpreterHandComputedTests
{
    [Fact]
    public void Should_Compute_A_Padded_Binary_Convolution_By_Hand()
    {
        // x = [[1, −1], [−1, 1]], kernel [[1, 1], [1, −1]], zero padding 1 on every side: 3×3 outputs, e.g. the
        // centre 1·1 + (−1)·1 + (−1)·1 + 1·(−1) = −2 and the corner (0,0) sees only x[0][0]·w[1][1] = −1; then 0.5·d + 1.
        var x = new IrValue("x", new TensorShape(1, 1, 2, 2));
        var d = new IrValue("d", new TensorShape(1, 1, 3, 3));
        var layout = LinearLayout.Convolution(1, 1, new WindowGeometry(2, 2, PadTop: 1, PadLeft: 1, PadBottom: 1, PadRight: 1), 2, 2);
        var graph = new IrGraph("conv", [x], [d], [new BinaryLinearNode("conv", "Conv", x, d, layout, [1, 1, 1, -1], [0.5f], [1f])]);

        var y = new IrInterpreter(graph).Run([1f, -1f, -1f, 1f]);

        float[] dot = [-1, 2, -1, 2, -2, 0, -1, 0, 1];
        Assert.Equal(dot.Select(v => (0.5f * v) + 1f), y);
    }

    [Theory]
    [InlineData(false, new[] { 1f, 2f, 1f, 2f })]
    [InlineData(true, new[] { 1f, 1f, 0f, 2f })]
    public void Should_Count_The_Thresholds_Each_Channel_Reaches(bool strict, float[] expected)
    {
        // Channel 0: T = (0, 2) on x; channel 1: T = (−1, 1) on −x (its sign is −1). Inputs: channel 0 gets 1 and 2,
        // channel 1 gets 1 and −3, i.e. −x = −1 and 3. With ≥: codes 1, 2 | 1, 2; with >: 1, 1 | 0, 2.
        var x = new IrValue("x", new TensorShape(1, 2, 1, 2));
        var y = new IrValue("y", new TensorShape(1, 2, 1, 2));
        var t = new ThresholdNode("t", "MultiThreshold", x, y, [0f, 2f, -1f, 1f], 2, [1, -1], strict, 1f, 0f);

        Assert.Equal(expected, new IrInterpreter(new IrGraph("t", [x], [y], [t])).Run([1f, 2f, 1f, -3f]));
    }

    [Fact]
    public void Should_Scale_Threshold_Codes_To_Output_Levels()
    {
        // A bipolar sign: code 0 → 2·0 − 1 = −1, code 1 → 1; the threshold at 0 is inclusive.
        var x = new IrValue("x", new TensorShape(1, 4));
        var y = new IrValue("y", new TensorShape(1, 4));
        var t = new ThresholdNode("sign", "Sign", x, y, [0f], 1, null, false, 2f, -1f);

        Assert.Equal([-1f, 1f, 1f, -1f], new IrInterpreter(new IrGraph("s", [x], [y], [t])).Run([-0.5f, 0f, 3f, -7f]));
    }
}
