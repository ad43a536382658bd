using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Mapping.Tests;

/// <summary>Small IR graphs built by hand with seeded ±1 weights.</summary>
internal static class TestGraphs
{
    /// <summary>
    /// An image [1, C, H, H] (8-bit) into conv layers "conv0", "conv1", …; a bipolar sign ("signN") before every
    /// conv but the first, which reads the image.
    /// </summary>
    public static IrGraph ConvChain(int seed, int channels, int size, params (int OutChannels, int Kernel, int Stride, int Pad)[] convs)
    {
        var random = new Random(seed);
        var input = new IrValue("image", new TensorShape(1, channels, size, size));
        var nodes = new List<IrNode>();
        var x = input;
        for (var i = 0; i < convs.Length; i++)
        {
            var (outChannels, kernel, stride, pad) = convs[i];
            if (i > 0)
            {
                var signed = new IrValue($"sign{i}_out", x.Shape);
                nodes.Add(new ThresholdNode($"sign{i}", "test", x, signed, [0f], 1, null, strict: false, outScale: 2f, outBias: -1f));
                x = signed;
            }

            var window = new WindowGeometry(kernel, kernel, stride, stride, pad, pad, pad, pad);
            var layout = LinearLayout.Convolution(x.Shape[1], outChannels, window, x.Shape[2], x.Shape[3]);
            var y = new IrValue($"conv{i}_out", layout.OutputShape);
            nodes.Add(new BinaryLinearNode($"conv{i}", "test", x, y, layout, Signs(random, layout), null, null));
            x = y;
        }

        return new IrGraph("conv-chain", [input], [x], nodes);
    }

    /// <summary>
    /// image [1, 16] → sign → binary dense "a" (16→8) → binary dense "b" (8→4) reading a's raw sums (no binarizer:
    /// kept digital) → float dense "c" (4→2).
    /// </summary>
    public static IrGraph WithDigitalLayers()
    {
        var random = new Random(7);
        var input = new IrValue("image", new TensorShape(1, 16));
        var signed = new IrValue("sign_out", input.Shape);
        var aOut = new IrValue("a_out", new TensorShape(1, 8));
        var bOut = new IrValue("b_out", new TensorShape(1, 4));
        var cOut = new IrValue("c_out", new TensorShape(1, 2));
        var a = LinearLayout.Dense(16, 8);
        var b = LinearLayout.Dense(8, 4);
        return new IrGraph("digital-layers", [input], [cOut],
        [
            new ThresholdNode("sign", "test", input, signed, [0.5f], 1, null, strict: false, outScale: 2f, outBias: -1f),
            new BinaryLinearNode("a", "test 'a'", signed, aOut, a, Signs(random, a), null, null),
            new BinaryLinearNode("b", "test 'b'", aOut, bOut, b, Signs(random, b), null, null),
            new FloatLinearNode("c", "test 'c'", bOut, cOut, LinearLayout.Dense(4, 2), [0.5f, -1f, 2f, 0.25f, 1f, 1f, -3f, 0f], null),
        ]);
    }

    /// <summary>image [1, 4] → float dense "only" (4→2): nothing to map.</summary>
    public static IrGraph FloatOnly()
    {
        var input = new IrValue("image", new TensorShape(1, 4));
        var output = new IrValue("out", new TensorShape(1, 2));
        return new IrGraph("float-only", [input], [output],
            [new FloatLinearNode("only", "test 'only'", input, output, LinearLayout.Dense(4, 2), [1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f], null)]);
    }

    private static sbyte[] Signs(Random random, LinearLayout layout)
    {
        var signs = new sbyte[layout.Rows * layout.Columns];
        for (var i = 0; i < signs.Length; i++)
        {
            signs[i] = random.Next(2) == 0 ? (sbyte)-1 : (sbyte)1;
        }

        return signs;
    }
}
