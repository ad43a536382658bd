using BnnCompiler.Core.Analysis;
using BnnCompiler.Core.Interpretation;
using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;
using BnnCompiler.Core.Randomness;
using BnnCompiler.Hardware;
using BnnCompiler.Simulator.Functional;
using BnnCompiler.Testing;

namespace BnnCompiler.Simulator.Tests;

/// <summary>
/// The bit-packed crossbar layer (every path and route) against a plain reference written from the functional
/// model's definition: for every pixel, column, row block and plane, count matches over the block's driven rows
/// in row order, take the nearest ADC level (exact rational arithmetic), subtract the −1 weights, shift and add.
/// Layers with padding, stride, more than 64 channels, three-channel 8-bit images, blocks that straddle channels and a
/// short last block.
/// </summary>
public sealed class CrossbarReferenceTests
{
    public static TheoryData<int, int, int, int, int, int, int, int> Layers => new()
    {
        // channels, out, kernel, stride, pad, size, rows per block, input bits
        { 3, 10, 3, 1, 1, 7, 64, 1 },
        { 5, 9, 3, 2, 1, 8, 16, 1 },
        { 70, 6, 3, 1, 1, 5, 64, 1 },
        { 130, 5, 1, 1, 0, 4, 100, 1 },
        { 1, 7, 3, 1, 1, 6, 64, 8 },
        { 2, 5, 2, 1, 0, 5, 7, 3 },
        { 3, 16, 3, 1, 1, 8, 64, 8 },   // an RGB image layer: 8-bit codes on 27 rows
        { 3, 8, 3, 1, 1, 6, 10, 8 },    // the same with blocks that split the channels of a kernel offset
        { 200, 11, 0, 1, 0, 1, 64, 1 },
        { 300, 6, 0, 1, 0, 1, 128, 2 },
        { 32, 9, 3, 1, 1, 10, 64, 1 },  // 32 channels: two kernel offsets per word on the pixel-lane route
        { 40, 12, 3, 1, 1, 9, 64, 1 },  // 40 channels: a 64-bit field per offset, 24 unused bits each
        { 64, 8, 3, 1, 0, 6, 64, 1 },   // no padding
        { 16, 5, 5, 2, 2, 11, 64, 1 },  // 5 x 5 window, stride 2: four offsets per word
        { 200, 6, 3, 1, 1, 4, 64, 1 },  // 36 slot words per pixel: byte counts summed in two parts
        { 8, 6, 3, 1, 1, 9, 64, 1 },    // blocks of 64 and 8 rows: at ADC 5 an inexact and an exact kind
        { 40, 6, 3, 1, 1, 7, 128, 2 },  // two-word blocks of 128 rows (past the byte table) and 104, two planes
        { 1, 12, 3, 1, 1, 28, 64, 8 },  // the default model's first layer: 9 rows, 8 planes, 784 pixels
    };

    [Theory]
    [MemberData(nameof(Layers))]
    public void Should_Equal_The_Plain_Reference_At_Every_ADC_Resolution(int channels, int outputs, int kernel, int stride, int pad, int size, int rowsPerBlock, int inputBits)
    {
        var rng = new SplitMix64((ulong)((channels * 131) + (outputs * 17) + rowsPerBlock));
        var node = Node(channels, outputs, kernel, stride, pad, size, rng);
        var encoding = new ValueEncoding(1 << inputBits, inputBits == 1 ? 2f : 1f, inputBits == 1 ? -1f : 0f);
        var input = new float[node.Inputs[0].Shape.Count];
        for (var i = 0; i < input.Length; i++)
        {
            var code = (int)(rng.NextUInt64() % (ulong)(1 << inputBits));
            input[i] = (encoding.Scale * code) + encoding.Offset;
        }

        var blocks = CrossbarLayer.UniformBlocks(node.Layout.Rows, rowsPerBlock);
        foreach (var adcBits in new[] { 2, 3, 5, 8 })
        {
            var readout = Readout(adcBits, inputBits);
            var (expected, matched) = Reference(node, encoding, input, blocks, adcBits);
            float[]? scalar = null;
            foreach (var path in KernelPaths.Supported)
            {
                var layer = new CrossbarLayer(node, encoding, isImageInput: false, readout, blocks, path);
                Assert.Equal(path, layer.Path);
                var output = new float[node.Output.Shape.Count];
                layer.Execute(input, output);

                // Every vector path and route gives the scalar path's floats bit for bit.
                scalar ??= output;
                Assert.Equal(scalar, output);
                if (path != KernelPath.Scalar && kernel > 0 && node.Layout.OutputPixels >= 8)
                {
                    var exact = layer.Adcs.All(a => a.IsExact);
                    Assert.Equal(!exact ? "block-lanes" : inputBits == 1 ? "pixel-lanes" : "exact-dot", layer.Route);
                }

                for (var i = 0; i < output.Length; i++)
                {
                    Assert.True(Math.Abs(expected[i] - output[i]) <= 1e-4 * Math.Max(1, Math.Abs(expected[i])),
                        $"ADC {adcBits}, path {path}, output {i}: expected {expected[i]}, got {output[i]}");
                }

                Assert.Equal(matched, layer.Counters.MatchedCells);
            }
        }
    }

    [Fact]
    public void Should_Dispatch_To_Exactly_The_Paths_The_Cpu_Supports()
    {
        // Holds on any CPU: scalar always; AVX2 iff the CPU has it; AVX-512 iff it has F, BW and VBMI (and AVX2). The
        // theory above checks every supported path against the reference; the default is the fastest supported one.
        var avx2 = System.Runtime.Intrinsics.X86.Avx2.IsSupported;
        var avx512 = avx2 && System.Runtime.Intrinsics.X86.Avx512F.IsSupported && System.Runtime.Intrinsics.X86.Avx512BW.IsSupported
            && System.Runtime.Intrinsics.X86.Avx512Vbmi.IsSupported;
        KernelPath[] expected = [KernelPath.Scalar, .. avx2 ? [KernelPath.Avx2] : Array.Empty<KernelPath>(), .. avx512 ? [KernelPath.Avx512] : Array.Empty<KernelPath>()];

        Assert.Equal(expected, KernelPaths.Supported);
        Assert.True(KernelPaths.IsSupported(KernelPath.Scalar));
        Assert.Equal(avx2, KernelPaths.IsSupported(KernelPath.Avx2));
        Assert.Equal(avx512, KernelPaths.IsSupported(KernelPath.Avx512));
        var node = Node(4, 4, 3, 1, 1, 5, new SplitMix64(3));
        var layer = new CrossbarLayer(node, ValueEncoding.Bipolar, false, Readout(5, 1), [36]);
        Assert.Equal(expected[^1], layer.Path);
        Assert.Equal(avx2, layer.UsesSimd);
    }

    /// <summary>The layer's outputs and the cells that conducted (Σ m over every conversion).</summary>
    private static (double[] Output, long Matched) Reference(BinaryLinearNode node, ValueEncoding encoding, float[] input, int[] blocks, int adcBits)
    {
        var layout = node.Layout;
        var im2col = Im2Col.For(layout);
        var (k, n, pixels) = (layout.Rows, layout.Columns, layout.OutputPixels);
        var planes = encoding.Bits;
        var top = (1 << adcBits) - 1;
        var result = new double[n * pixels];
        var conducted = 0L;
        for (var p = 0; p < pixels; p++)
        {
            for (var col = 0; col < n; col++)
            {
                double dot = 0;
                long signedValid = 0;
                var start = 0;
                foreach (var rows in blocks)
                {
                    for (var j = 0; j < planes; j++)
                    {
                        int matches = 0, negatives = 0;
                        for (var r = start; r < start + rows; r++)
                        {
                            var index = im2col.Table[(p * k) + r];
                            if (index < 0)
                            {
                                continue;
                            }

                            var code = (int)MathF.Round((input[index] - encoding.Offset) / encoding.Scale);
                            var bit = (code >> j) & 1;
                            var w = node.Signs[(col * k) + r];
                            matches += (bit == 1) == (w > 0) ? 1 : 0;
                            negatives += w < 0 ? 1 : 0;
                        }

                        conducted += matches;

                        // Nearest of the levels i·R/top (halves up), in exact rational arithmetic.
                        var level = rows <= top ? matches : Math.Min(top, ((2L * matches * top) + rows) / (2L * rows)) * (double)rows / top;
                        dot += (level - negatives) * (1L << j);
                        if (j == 0)
                        {
                            signedValid += Enumerable.Range(start, rows).Where(r => im2col.Table[(p * k) + r] >= 0).Sum(r => (long)node.Signs[(col * k) + r]);
                        }
                    }

                    start += rows;
                }

                result[(col * pixels) + p] = (encoding.Scale * dot) + (encoding.Offset * signedValid);
            }
        }

        return (result, conducted);
    }

    private static BinaryLinearNode Node(int channels, int outputs, int kernel, int stride, int pad, int size, SplitMix64 rng)
    {
        LinearLayout layout;
        IrValue x;
        if (kernel == 0)
        {
            layout = LinearLayout.Dense(channels, outputs);
            x = new IrValue("x", new TensorShape(1, channels));
        }
        else
        {
            var window = new WindowGeometry(kernel, kernel, stride, stride, PadTop: pad, PadLeft: pad, PadBottom: pad, PadRight: pad);
            layout = LinearLayout.Convolution(channels, outputs, window, size, size);
            x = new IrValue("x", new TensorShape(1, channels, size, size));
        }

        var signs = new sbyte[layout.Rows * outputs];
        for (var i = 0; i < signs.Length; i++)
        {
            signs[i] = (rng.NextUInt64() & 1) == 0 ? (sbyte)1 : (sbyte)-1;
        }

        var y = new IrValue("y", layout.OutputShape);
        return new BinaryLinearNode("layer", "test", x, y, layout, signs, null, null);
    }

    private static ReadoutSpec Readout(int adcBits, int inputBits) =>
        HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), [$"readout.adc_bits={adcBits}", $"readout.input_bits={Math.Max(inputBits, 1)}"]).Readout;
}
