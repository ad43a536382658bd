using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Onnx.Import;

/// <summary>
/// QONNX and FINN quantizers. On constants (weights) they are evaluated at import; on activations
/// BipolarQuant (and 1-bit signed Quant) and MultiThreshold become threshold nodes, n-bit Quant a quant node.
/// </summary>
internal static class QuantTranslators
{
    /// <summary>BipolarQuant(x, s) = s·(x ≥ 0 ? +1 : −1): zero maps to +s.</summary>
    public static void BipolarQuant(ImportContext ctx) => Bipolar(ctx, ctx.In(0), ctx.In(1));

    public static void Quant(ImportContext ctx)
    {
        var x = ctx.In(0);
        var scale = ctx.In(1);
        var zero = ctx.ConstIn(2, "the zero point");
        var bits = ctx.ConstIn(3, "the bit width");
        var signed = ctx.Int("signed", 1) != 0;
        var narrow = ctx.Int("narrow", 0) != 0;
        if (bits.Length != 1 || bits[0] < 1 || bits[0] > 24 || bits[0] != MathF.Floor(bits[0]))
        {
            throw ctx.Error("BNN3011", $"Quant bit width must be one integer from 1 to 24; got [{string.Join(",", bits)}]");
        }

        if (bits[0] == 1 && signed)
        {
            Bipolar(ctx, x, scale);
            return;
        }

        if (zero.Length == 0 || zero.Any(z => z != zero[0]))
        {
            throw ctx.Error("BNN3011", "Quant with a per-channel zero point is not supported; supported: one zero point");
        }

        var rounding = ctx.Str("rounding_mode", "ROUND").ToUpperInvariant();
        if (rounding is not ("ROUND" or "ROUND_TO_ZERO" or "FLOOR" or "CEIL"))
        {
            throw ctx.Error("BNN3011", $"Quant rounding_mode '{rounding}' is not supported; supported: ROUND, ROUND_TO_ZERO, FLOOR, CEIL");
        }

        if (x.Constant is { } data)
        {
            var perChannel = ctx.ConstIn(1, "the scale");
            var result = new float[data.Length];
            var inner = ChannelBlock(ctx, x, perChannel);
            for (var i = 0; i < data.Length; i++)
            {
                var node = new QuantNode("fold", ctx.Origin, x, x, perChannel[i / inner], zero[0], (int)bits[0], signed, narrow, rounding);
                result[i] = Core.Interpretation.ActivationKernels.Quant(node, [data[i]])[0];
            }

            ctx.BindConstant(x.Shape, result);
            return;
        }

        var s = ScalarScale(ctx, scale);
        ctx.Emit(new QuantNode(ctx.Node.Output[0], ctx.Origin, x, ctx.NewOutput(x.Shape), s, zero[0], (int)bits[0], signed, narrow, rounding));
    }

    /// <summary>FINN MultiThreshold: y = out_scale·Σ_i [x ≥ T[c,i]] + out_bias, channels on axis 1.</summary>
    public static void MultiThreshold(ImportContext ctx)
    {
        var x = ctx.In(0);
        var t = ctx.In(1);
        var thresholds = ctx.ConstIn(1, "the thresholds");
        var layout = ctx.Str("data_layout", "NCHW");
        if (layout is not ("NCHW" or "NC"))
        {
            throw ctx.Error("BNN3011", $"MultiThreshold data_layout '{layout}' is not supported; supported: NCHW, NC");
        }

        if (t.Shape.Rank != 2)
        {
            throw ctx.Error("BNN3009", $"MultiThreshold thresholds must be [C, levels]; got {t.Shape}");
        }

        var levels = t.Shape[1];
        for (var c = 0; c < t.Shape[0]; c++)
        {
            for (var i = 1; i < levels; i++)
            {
                if (thresholds[(c * levels) + i] < thresholds[(c * levels) + i - 1])
                {
                    throw ctx.Error("BNN3011", $"MultiThreshold thresholds of channel {c} are not ascending");
                }
            }
        }

        try
        {
            ctx.Emit(new ThresholdNode(ctx.Node.Output[0], ctx.Origin, x, ctx.NewOutput(x.Shape), thresholds, levels, null, false,
                ctx.Float("out_scale", 1f), ctx.Float("out_bias", 0f)));
        }
        catch (ShapeException e)
        {
            throw ctx.Error("BNN3009", e.Message);
        }
    }

    private static void Bipolar(ImportContext ctx, IrValue x, IrValue scale)
    {
        if (x.Constant is { } data)
        {
            var s = scale.Constant ?? throw ctx.Error("BNN3011", "the binarizer's scale must be a constant");
            var inner = ChannelBlock(ctx, x, s);
            ctx.BindConstant(x.Shape, data.Select((v, i) => v >= 0 ? s[i / inner] : -s[i / inner]).ToArray());
            return;
        }

        var sc = ScalarScale(ctx, scale);
        ctx.Emit(new ThresholdNode(ctx.Node.Output[0], ctx.Origin, x, ctx.NewOutput(x.Shape), [0f], 1, null, false, 2 * sc, -sc));
    }

    /// <summary>Values of a constant per scale entry: the scale holds one value, or one per output channel (axis 0).</summary>
    private static int ChannelBlock(ImportContext ctx, IrValue x, float[] scale)
    {
        var count = x.Constant!.Length;
        if (scale.Length == 0 || count % scale.Length != 0 || (scale.Length > 1 && (x.Shape.Rank == 0 || scale.Length != x.Shape[0])))
        {
            throw ctx.Error("BNN3009", $"the quantizer's scale holds {scale.Length} values; the constant {x.Shape} takes one, or one per output channel");
        }

        return count / scale.Length;
    }

    private static float ScalarScale(ImportContext ctx, IrValue scale)
    {
        var s = scale.Constant ?? throw ctx.Error("BNN3011", "the quantizer scale must be a constant");
        return s.All(v => v == s[0]) && s[0] > 0
            ? s[0]
            : throw ctx.Error("BNN3011", "activation quantizers are supported with one positive scale per tensor");
    }
}
