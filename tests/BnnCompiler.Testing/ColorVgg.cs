using BnnCompiler.Core.Randomness;
using BnnCompiler.Onnx.Building;

namespace BnnCompiler.Testing;

/// <summary>
/// A VGG-style BNN on C×S×S colour images, written as plain PyTorch exports it (Conv/Gemm with ±1 weights,
/// BatchNormalization, Where(x ≥ 0, 1, −1)), with seeded weights and BatchNorm thresholds:
/// conv3×3 C→w1 (the 8-bit image in) → BN → sign → conv w1→w1 → maxpool2 → BN → sign → conv w1→w2 → maxpool2 → BN → sign
/// → conv w2→w2 → maxpool2 → BN → sign → flatten → fc → BN → sign → fc 10 → BN → logits.
/// Every BatchNorm mean lies half a code step between two reachable sums, so no pre-activation sits on a threshold
/// and ONNX Runtime's float arithmetic decides every sign as the integer arithmetic does. The first layer's means
/// centre on the sum a mid-grey image gives, so its signs vary with the image.
/// </summary>
public static class ColorVgg
{
    /// <param name="seed">Seed of every weight and BatchNorm parameter.</param>
    /// <param name="channels">Image channels C.</param>
    /// <param name="size">Image height and width S, a multiple of 8.</param>
    /// <param name="rawPixels">True: the model takes pixels 0..255 (metadata bnnc.input_range = 0-255); false: pixel / 255.</param>
    /// <param name="widths">Channels of the first and the last two convolutions, and the hidden dense width.</param>
    public static byte[] Build(int seed, int channels = 3, int size = 32, bool rawPixels = true, (int W1, int W2, int Fc)? widths = null)
    {
        var (w1, w2, fc) = widths ?? (16, 32, 64);
        var rng = new SplitMix64((ulong)seed);
        var b = new OnnxModelBuilder($"color_vgg_{channels}x{size}x{size}", opset: 13);
        if (rawPixels)
        {
            b.Metadata("bnnc.input_range", "0-255");
        }

        var unit = rawPixels ? 1f : 1f / 255f;
        var x = b.Input("image", [1, channels, size, size]);
        var h = Sign(b, Norm(b, rng, Conv(b, rng, x, channels, w1, out var firstSums), w1, unit, firstSums));
        h = Sign(b, Norm(b, rng, Pool(b, Conv(b, rng, h, w1, w1, out _)), w1, 1f, null));
        h = Sign(b, Norm(b, rng, Pool(b, Conv(b, rng, h, w1, w2, out _)), w2, 1f, null));
        h = Sign(b, Norm(b, rng, Pool(b, Conv(b, rng, h, w2, w2, out _)), w2, 1f, null));
        var flat = b.Node("Flatten", [h], new Dictionary<string, object> { ["axis"] = 1L });
        var features = w2 * (size / 8) * (size / 8);
        h = Sign(b, Norm(b, rng, Dense(b, rng, flat, features, fc), fc, 1f, null));
        var logits = Norm(b, rng, Dense(b, rng, h, fc, 10), 10, 1f, null, output: "logits");
        b.Output(logits, [1, 10]);
        return b.ToBytes();
    }

    /// <summary>
    /// Seeded colour images, N×C×S×S bytes (NCHW): per image and channel a random base level, a plane wave of random
    /// direction and amplitude, and noise, so that images differ in colour and texture.
    /// </summary>
    public static byte[] Images(int count, int channels, int size, int seed)
    {
        var rng = new SplitMix64((ulong)seed);
        var pixels = new byte[count * channels * size * size];
        var i = 0;
        for (var n = 0; n < count; n++)
        {
            for (var c = 0; c < channels; c++)
            {
                var baseLevel = rng.NextDouble(30, 225);
                var amplitude = rng.NextDouble(0, 110);
                var (fx, fy, phase) = (rng.NextDouble(-0.6, 0.6), rng.NextDouble(-0.6, 0.6), rng.NextDouble(0, 6.3));
                for (var y = 0; y < size; y++)
                {
                    for (var x = 0; x < size; x++)
                    {
                        var v = baseLevel + (amplitude * Math.Sin((fx * x) + (fy * y) + phase)) + rng.NextDouble(-20, 20);
                        pixels[i++] = (byte)Math.Clamp(Math.Round(v), 0, 255);
                    }
                }
            }
        }

        return pixels;
    }

    private static string Conv(OnnxModelBuilder b, SplitMix64 rng, string x, int inputs, int outputs, out float[] weightSums)
    {
        var k = inputs * 9;
        var w = Signs(rng, outputs * k);
        weightSums = Enumerable.Range(0, outputs).Select(o => w.AsSpan(o * k, k).ToArray().Sum()).ToArray();
        var weight = b.Initializer(Name(rng, "w"), [outputs, inputs, 3, 3], w);
        return b.Node("Conv", [x, weight], new Dictionary<string, object>
        {
            ["kernel_shape"] = new long[] { 3, 3 },
            ["pads"] = new long[] { 1, 1, 1, 1 },
        });
    }

    private static string Dense(OnnxModelBuilder b, SplitMix64 rng, string x, int inputs, int outputs)
    {
        var weight = b.Initializer(Name(rng, "w"), [outputs, inputs], Signs(rng, outputs * inputs));
        return b.Node("Gemm", [x, weight], new Dictionary<string, object> { ["transB"] = 1L });
    }

    private static string Pool(OnnxModelBuilder b, string x) =>
        b.Node("MaxPool", [x], new Dictionary<string, object> { ["kernel_shape"] = new long[] { 2, 2 }, ["strides"] = new long[] { 2, 2 } });

    private static string Sign(OnnxModelBuilder b, string x) =>
        b.Node("Where", [b.Node("GreaterOrEqual", [x, b.Scalar(0f)]), b.Scalar(1f), b.Scalar(-1f)]);

    /// <summary>
    /// BatchNorm whose means are (integer + ½)·<paramref name="unit"/>: centred on 127.5·Σw for the image layer
    /// (<paramref name="imageWeightSums"/>), within ±3 of zero otherwise.
    /// </summary>
    private static string Norm(OnnxModelBuilder b, SplitMix64 rng, string x, int channels, float unit, float[]? imageWeightSums, string? output = null)
    {
        var gamma = Enumerable.Range(0, channels).Select(c => (c % 3 == 1 ? -1f : 1f) * (float)rng.NextDouble(0.5, 1.5)).ToArray();
        var beta = new float[channels];
        var mean = Enumerable.Range(0, channels).Select(c =>
        {
            var centre = imageWeightSums is null ? 0 : 127.5 * imageWeightSums[c];
            var spread = imageWeightSums is null ? 3 : 150;
            return (float)((Math.Floor(centre + rng.NextDouble(-spread, spread)) + 0.5) * unit);
        }).ToArray();
        var variance = Enumerable.Range(0, channels).Select(_ => (float)rng.NextDouble(0.5, 1.5)).ToArray();
        var tag = Name(rng, "bn");
        return b.Node("BatchNormalization",
            [x, b.Initializer(tag + "_gamma", [channels], gamma), b.Initializer(tag + "_beta", [channels], beta),
                b.Initializer(tag + "_mean", [channels], mean), b.Initializer(tag + "_var", [channels], variance)],
            new Dictionary<string, object> { ["epsilon"] = 1e-5f }, output: output);
    }

    private static string Name(SplitMix64 rng, string stem) => $"{stem}_{rng.NextUInt64():x16}";

    private static float[] Signs(SplitMix64 rng, int count) =>
        Enumerable.Range(0, count).Select(_ => (rng.NextUInt64() & 1) == 0 ? 1f : -1f).ToArray();
}
