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

    public static float[] Threshold(ThresholdNode node, float[] x)
    {
        var shape = node.Inputs[0].Shape;
        var channels = shape.Rank >= 2 ? shape[1] : 1;
        var inner = shape.Rank >= 2 ? shape.Count / (shape[0] * channels) : shape.Count;
        var result = new float[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            var channel = (i / inner) % channels;
            result[i] = (node.OutScale * Code(node, channel, x[i])) + node.OutBias;
        }

        return result;
    }

    public static float[] BatchNorm(BatchNormNode node, float[] x)
    {
        var shape = node.Inputs[0].Shape;
        var channels = node.Scale.Length;
        var inner = shape.Rank >= 2 ? shape.Count / (shape[0] * channels) : 1;
        var result = new float[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            var c = (i / inner) % channels;
            result[i] = (x[i] * node.Scale[c]) + node.Shift[c];
        }

        return result;
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
