using System.Runtime.Intrinsics;
using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Core.Interpretation;

/// <summary>Per-channel activation kernels: thresholds, batch normalisation, QONNX quantizers.</summary>
public static class ActivationKernels
{
    /// <summary>Integer code Σ_i [s_c·x ≥ T[c,i]] of one value in channel c.</summary>
    public static int Code(ThresholdNode node, int channel, float x)
    {
        var c = node.Channels == 1 ? 0 : channel;
        if (node.ChannelSigns is { } signs && signs[c] < 0)
        {
            x = -x;
        }

        var t = node.Thresholds.AsSpan(c * node.Levels, node.Levels);
        var code = 0;
        for (var i = 0; i < t.Length; i++)
        {
            if (node.Strict ? x > t[i] : x >= t[i])
            {
                code++;
            }
        }

        return code;
    }

    /// <summary>y = OutScale·code + OutBias per element; the same codes as <see cref="Code"/>, one channel run at a time.</summary>
    public static float[] Threshold(ThresholdNode node, float[] x)
    {
        var result = new float[x.Length];
        Threshold(node, x, result);
        return result;
    }

    /// <summary>As <see cref="Threshold(ThresholdNode, float[])"/>, into <paramref name="result"/> (as long as <paramref name="x"/>).</summary>
    public static void Threshold(ThresholdNode node, ReadOnlySpan<float> x, Span<float> result)
    {
        var shape = node.Inputs[0].Shape;
        var channels = shape.Rank >= 2 ? shape[1] : 1;
        var inner = shape.Rank >= 2 ? shape.Count / (shape[0] * channels) : shape.Count;
        var levels = node.Levels;
        Span<float> outputs = stackalloc float[levels + 1];
        for (var code = 0; code <= levels; code++)
        {
            outputs[code] = (node.OutScale * code) + node.OutBias;
        }

        for (var start = 0; start < x.Length; start += inner)
        {
            var channel = (start / inner) % channels;
            var c = node.Channels == 1 ? 0 : channel;
            var flip = node.ChannelSigns is { } signs && signs[c] < 0;
            var thresholds = node.Thresholds.AsSpan(c * levels, levels);
            var source = x.Slice(start, Math.Min(inner, x.Length - start));
            var target = result.Slice(start, source.Length);
            if (levels == 1)
            {
                Binary(source, target, thresholds[0], flip, node.Strict, outputs[0], outputs[1]);
                continue;
            }

            for (var i = 0; i < source.Length; i++)
            {
                var v = flip ? -source[i] : source[i];
                var code = 0;
                foreach (var t in thresholds)
                {
                    if (node.Strict ? v > t : v >= t)
                    {
                        code++;
                    }
                }

                target[i] = outputs[code];
            }
        }
    }

    /// <summary>One channel run of a one-level threshold: high where s·x ≥ t (or &gt; t when strict), else low; eight values per step where 256-bit vectors run (the same comparisons, NaN low).</summary>
    private static void Binary(ReadOnlySpan<float> source, Span<float> target, float t, bool flip, bool strict, float low, float high)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var (threshold, lows, highs) = (Vector256.Create(t), Vector256.Create(low), Vector256.Create(high));
            for (; i + 8 <= source.Length; i += 8)
            {
                var v = Vector256.Create(source.Slice(i, 8));
                v = flip ? -v : v;
                var above = strict ? Vector256.GreaterThan(v, threshold) : Vector256.GreaterThanOrEqual(v, threshold);
                Vector256.ConditionalSelect(above, highs, lows).CopyTo(target[i..]);
            }
        }

        for (; i < source.Length; i++)
        {
            var v = flip ? -source[i] : source[i];
            target[i] = (strict ? v > t : v >= t) ? high : low;
        }
    }

    public static float[] BatchNorm(BatchNormNode node, float[] x)
    {
        var result = new float[x.Length];
        BatchNorm(node, x, result);
        return result;
    }

    /// <summary>As <see cref="BatchNorm(BatchNormNode, float[])"/>, into <paramref name="result"/>.</summary>
    public static void BatchNorm(BatchNormNode node, ReadOnlySpan<float> x, Span<float> result)
    {
        var shape = node.Inputs[0].Shape;
        var channels = node.Scale.Length;
        var inner = shape.Rank >= 2 ? shape.Count / (shape[0] * channels) : 1;
        for (var i = 0; i < x.Length; i++)
        {
            var c = (i / inner) % channels;
            result[i] = (x[i] * node.Scale[c]) + node.Shift[c];
        }
    }

    /// <summary>The integer level q of one value (before y = (q − zero)·scale).</summary>
    public static float QuantLevel(QuantNode node, float x)
    {
        var v = (x / node.Scale) + node.ZeroPoint;
        var r = node.Rounding switch
        {
            "ROUND_TO_ZERO" => MathF.Truncate(v),
            "FLOOR" => MathF.Floor(v),
            "CEIL" => MathF.Ceiling(v),
            _ => MathF.Round(v, MidpointRounding.ToEven),
        };
        return MathF.Min(MathF.Max(r, node.QMin), node.QMax);
    }

    public static float[] Quant(QuantNode node, float[] x)
    {
        var result = new float[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            result[i] = (QuantLevel(node, x[i]) - node.ZeroPoint) * node.Scale;
        }

        return result;
    }
}
