using BnnCompiler.Core.Interpretation;
using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;
using BnnCompiler.Core.Randomness;

namespace BnnCompiler.Core.Tests;

/// <summary>
/// The interpreter's reused buffers and the vector 2 × 2 max pool: pooled maxima bit for bit against a plain loop of
/// MathF.Max (signed zeros and NaN included, rows long enough for the vector steps and a scalar tail), and Run on a
/// conv → sign → pool → reshape → dense graph equal to RunAll's fresh arrays over several inputs in turn, with earlier
/// results left untouched by later runs.
/// </summary>
public sealed class InterpreterBufferTests
{
    [Fact]
    public void Should_Pool_Two_By_Two_Exactly_As_A_Plain_Max()
    {
        var (channels, h, w) = (3, 6, 22);
        var rng = new SplitMix64(7);
        var x = new float[channels * h * w];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = (i % 17) switch
            {
                0 => -0f,
                1 => 0f,
                2 => float.NaN,
                _ => (float)((rng.NextUInt64() % 2001) / 100.0) - 10f,
            };
        }

        var input = new IrValue("x", new TensorShape(1, channels, h, w));
        var output = new IrValue("y", new TensorShape(1, channels, h / 2, w / 2));
        var pool = new PoolNode("pool", "MaxPool", PoolKind.Max, input, output, new WindowGeometry(2, 2, 2, 2), false);

        var y = PoolKernels.Pool(pool, x);

        for (var c = 0; c < channels; c++)
        {
            for (var oy = 0; oy < h / 2; oy++)
            {
                for (var ox = 0; ox < w / 2; ox++)
                {
                    var at = (((c * h) + (2 * oy)) * w) + (2 * ox);
                    var max = MathF.Max(MathF.Max(MathF.Max(MathF.Max(float.NegativeInfinity, x[at]), x[at + 1]), x[at + w]), x[at + w + 1]);
                    var got = y[(((c * (h / 2)) + oy) * (w / 2)) + ox];
                    Assert.Equal(BitConverter.SingleToInt32Bits(max), BitConverter.SingleToInt32Bits(got));
                }
            }
        }
    }

    [Fact]
    public void Should_Give_RunAll_Results_From_Reused_Buffers_Over_Several_Inputs()
    {
        var x = new IrValue("x", new TensorShape(1, 2, 8, 8));
        var conv = new IrValue("conv", new TensorShape(1, 4, 8, 8));
        var sign = new IrValue("sign", new TensorShape(1, 4, 8, 8));
        var pooled = new IrValue("pooled", new TensorShape(1, 4, 4, 4));
        var flat = new IrValue("flat", new TensorShape(1, 64));
        var logits = new IrValue("logits", new TensorShape(1, 3));
        var rng = new SplitMix64(11);
        var convLayout = LinearLayout.Convolution(2, 4, new WindowGeometry(3, 3, PadTop: 1, PadLeft: 1, PadBottom: 1, PadRight: 1), 8, 8);
        var denseLayout = LinearLayout.Dense(64, 3);
        sbyte[] Signs(int count) => [.. Enumerable.Range(0, count).Select(_ => (rng.NextUInt64() & 1) == 0 ? (sbyte)1 : (sbyte)-1)];
        IrNode[] nodes =
        [
            new BinaryLinearNode("conv", "Conv", x, conv, convLayout, Signs(convLayout.Rows * 4), [0.5f, 1f, 2f, 0.25f], [1f, -1f, 0f, 0.5f]),
            new ThresholdNode("sign", "Sign", conv, sign, [0f], 1, null, false, 2f, -1f),
            new PoolNode("pool", "MaxPool", PoolKind.Max, sign, pooled, new WindowGeometry(2, 2, 2, 2), false),
            new ReshapeNode("flatten", "Flatten", pooled, flat),
            new BinaryLinearNode("fc", "Gemm", flat, logits, denseLayout, Signs(64 * 3), null, null),
        ];
        var interpreter = new IrInterpreter(new IrGraph("net", [x], [logits], nodes));
        var inputs = Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, 128).Select(_ => (float)((int)(rng.NextUInt64() % 7) - 3)).ToArray()).ToArray();

        var results = inputs.Select(i => interpreter.Run(i)).ToList();
        var again = inputs.Select(i => interpreter.Run(i)).ToList();

        for (var i = 0; i < inputs.Length; i++)
        {
            var expected = interpreter.RunAll(inputs[i])[logits];
            Assert.Equal(expected, results[i]);
            Assert.Equal(expected, again[i]);
            Assert.NotSame(results[i], again[i]);
        }

        Assert.Contains(results, r => !r.SequenceEqual(results[0]));
    }
}
