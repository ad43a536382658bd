using BnnCompiler.Core.Analysis;
using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Core.Tests;

/// <summary>Which values carry integer codes: thresholds set them, reshapes keep them, a concatenation of different codes has none; the input's scale follows the metadata.</summary>
public sealed class EncodingAnalysisTests
{
    [Fact]
    public void Should_Carry_Codes_Through_Reshape_And_Drop_Them_At_A_Mixed_Concat()
    {
        var x = new IrValue("x", new TensorShape(1, 4));
        var sign = new IrValue("sign", new TensorShape(1, 4));
        var flat = new IrValue("flat", new TensorShape(4));
        var ternary = new IrValue("ternary", new TensorShape(1, 4));
        var flatTernary = new IrValue("flat_ternary", new TensorShape(4));
        var both = new IrValue("both", new TensorShape(8));
        var graph = new IrGraph("g", [x], [both],
        [
            new ThresholdNode("sign", "Sign", x, sign, [0f], 1, null, false, 2f, -1f),
            new ReshapeNode("flat", "Flatten", sign, flat),
            new ThresholdNode("ternary", "MultiThreshold", x, ternary, [-1f, 1f], 2, null, false, 1f, -1f),
            new ReshapeNode("flat_ternary", "Flatten", ternary, flatTernary),
            new ConcatNode("both", "Concat", [flat, flatTernary], both, 0),
        ]);

        var encodings = EncodingAnalysis.Compute(graph);

        Assert.Equal(ValueEncoding.Bipolar, encodings[flat]);
        Assert.Equal(new ValueEncoding(3, 1f, -1f), encodings[flatTernary]);
        Assert.Equal("ternary", encodings[flatTernary].Describe());
        Assert.False(encodings.ContainsKey(both));
        Assert.Equal(new ValueEncoding(256, 1f / 255f, 0f), encodings[x]);
    }

    [Theory]
    [InlineData(null, null, 255f)]
    [InlineData("0-255", null, 1f)]
    [InlineData("0-255", "127.5", 127.5f)]
    public void Should_Take_The_Input_Scale_From_The_Metadata(string? range, string? scale, float expected)
    {
        var x = new IrValue("x", new TensorShape(1, 4));
        var metadata = new Dictionary<string, string>();
        if (range is not null)
        {
            metadata[EncodingAnalysis.InputRangeKey] = range;
        }

        if (scale is not null)
        {
            metadata[EncodingAnalysis.InputScaleKey] = scale;
        }

        var graph = new IrGraph("g", [x], [x], [], metadata);

        Assert.Equal(expected, EncodingAnalysis.InputScale(graph));
        Assert.Equal(200f / expected, EncodingAnalysis.InputValue(expected, 200));
    }
}
