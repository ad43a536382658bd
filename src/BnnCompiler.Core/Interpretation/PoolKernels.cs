using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Core.Interpretation;

/// <summary>Max and average pooling over NCHW maps (batch of one); padding never wins a max.</summary>
public static class PoolKernels
{
    public static float[] Pool(PoolNode node, float[] x)
    {
        var result = new float[node.Output.Shape.Count];
        Pool(node, x, result);
        return result;
    }

    /// <summary>As <see cref="Pool(PoolNode, float[])"/>, into <paramref name="result"/> (the output's length).</summary>
    public static void Pool(PoolNode node, ReadOnlySpan<float> x, Span<float> result)
    {
        var inShape = node.Inputs[0].Shape;
        var outShape = node.Output.Shape;
        var (channels, h, w) = (inShape[1], inShape[2], inShape[3]);
        var (oh, ow) = (outShape[2], outShape[3]);
        var g = node.Window;
        if (node.Kind == PoolKind.Max && !g.HasPadding && g.DilationH == 1 && g.DilationW == 1
            && ((oh - 1) * g.StrideH) + g.KernelH <= h && ((ow - 1) * g.StrideW) + g.KernelW <= w)
        {
            if (g is { KernelH: 2, KernelW: 2, StrideH: 2, StrideW: 2 } && Avx2.IsSupported)
            {
                MaxTwoByTwo(x, result, channels, h, w, oh, ow);
                return;
            }

            MaxInside(x, result, channels, h, w, oh, ow, g);
            return;
        }

        for (var c = 0; c < channels; c++)
        {
            for (var oy = 0; oy < oh; oy++)
            {
                for (var ox = 0; ox < ow; ox++)
                {
                    var max = float.NegativeInfinity;
                    var sum = 0f;
                    var count = 0;
                    var inWindow = 0;
                    for (var i = 0; i < g.KernelH; i++)
                    {
                        var y = (oy * g.StrideH) - g.PadTop + (i * g.DilationH);
                        for (var j = 0; j < g.KernelW; j++)
                        {
                            var xx = (ox * g.StrideW) - g.PadLeft + (j * g.DilationW);
                            if (y >= h + g.PadBottom || xx >= w + g.PadRight)
                            {
                                continue;
                            }

                            inWindow++;
                            if (y < 0 || y >= h || xx < 0 || xx >= w)
                            {
                                continue;
                            }

                            var v = x[(((c * h) + y) * w) + xx];
                            max = MathF.Max(max, v);
                            sum += v;
                            count++;
                        }
                    }

                    result[(((c * oh) + oy) * ow) + ox] = node.Kind == PoolKind.Max
                        ? max
                        : sum / (node.CountIncludePad ? inWindow : count);
                }
            }
        }
    }

    /// <summary>Max pooling whose windows all lie inside the map (no padding, no dilation): the same maxima, no bounds tests.</summary>
    private static void MaxInside(ReadOnlySpan<float> x, Span<float> result, int channels, int h, int w, int oh, int ow, Ir.WindowGeometry g)
    {
        for (var c = 0; c < channels; c++)
        {
            var plane = x.Slice(c * h * w, h * w);
            var target = result.Slice(c * oh * ow, oh * ow);
            for (var oy = 0; oy < oh; oy++)
            {
                for (var ox = 0; ox < ow; ox++)
                {
                    var max = float.NegativeInfinity;
                    var origin = (oy * g.StrideH * w) + (ox * g.StrideW);
                    for (var i = 0; i < g.KernelH; i++)
                    {
                        var row = plane.Slice(origin + (i * w), g.KernelW);
                        foreach (var v in row)
                        {
                            max = MathF.Max(max, v);
                        }
                    }

                    target[(oy * ow) + ox] = max;
                }
            }
        }
    }

    /// <summary>
    /// 2 × 2 windows of stride 2 inside the map: the maximum of two rows' 16 values, then of each even and odd pair, eight
    /// outputs per step on 256-bit vectors (Vector256.Max orders −0 below +0 and returns NaN as MathF.Max does);
    /// the last outputs of a row one at a time.
    /// <code>
    ///   rows y, y+1: a0 a1 a2 a3 … / b0 b1 b2 b3 …  →  max(a0, b0, a1, b1), max(a2, b2, a3, b3), …
    /// </code>
    /// </summary>
    private static void MaxTwoByTwo(ReadOnlySpan<float> x, Span<float> result, int channels, int h, int w, int oh, int ow)
    {
        var order = Vector256.Create(0, 2, 4, 6, 1, 3, 5, 7);
        for (var c = 0; c < channels; c++)
        {
            for (var oy = 0; oy < oh; oy++)
            {
                var top = x.Slice(((c * h) + (2 * oy)) * w, w);
                var bottom = x.Slice(((c * h) + (2 * oy) + 1) * w, w);
                var target = result.Slice(((c * oh) + oy) * ow, ow);
                var ox = 0;
                for (; ox + 8 <= ow; ox += 8)
                {
                    var low = Avx2.PermuteVar8x32(Vector256.Max(Vector256.Create(top.Slice(2 * ox, 8)), Vector256.Create(bottom.Slice(2 * ox, 8))), order);
                    var high = Avx2.PermuteVar8x32(Vector256.Max(Vector256.Create(top.Slice((2 * ox) + 8, 8)), Vector256.Create(bottom.Slice((2 * ox) + 8, 8))), order);
                    var evens = Avx2.Permute2x128(low, high, 0x20);
                    var odds = Avx2.Permute2x128(low, high, 0x31);
                    Vector256.Max(evens, odds).CopyTo(target[ox..]);
                }

                for (; ox < ow; ox++)
                {
                    var max = MathF.Max(MathF.Max(float.NegativeInfinity, top[2 * ox]), top[(2 * ox) + 1]);
                    target[ox] = MathF.Max(MathF.Max(max, bottom[2 * ox]), bottom[(2 * ox) + 1]);
                }
            }
        }
    }
}
