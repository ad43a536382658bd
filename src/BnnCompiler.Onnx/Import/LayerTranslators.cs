using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Onnx.Import;

/// <summary>
/// Conv, Gemm and MatMul become binary layers when their constant weights are ±α per output channel, else
/// full-precision layers; BatchNormalization and pooling stay digital.
/// </summary>
internal static class LayerTranslators
{
    public static void Conv(ImportContext ctx)
    {
        var x = ctx.In(0);
        var w = ctx.In(1);
        var weights = ctx.ConstIn(1, "the convolution weights");
        if (x.Shape.Rank != 4 || x.Shape[0] != 1 || w.Shape.Rank != 4)
        {
            throw ctx.Error("BNN3009", $"Conv is supported on 2-D maps [1,C,H,W] with weights [N,C,kh,kw]; got input {x.Shape}, weights {w.Shape}");
        }

        if (ctx.Int("group", 1) != 1)
        {
            throw ctx.Error("BNN3011", $"grouped or depthwise convolution (group = {ctx.Int("group", 1)}) is not supported; supported: group = 1");
        }

        if (w.Shape[1] != x.Shape[1])
        {
            throw ctx.Error("BNN3009", $"weights {w.Shape} expect {w.Shape[1]} input channels; the input {x.Shape} has {x.Shape[1]}");
        }

        var window = Window(ctx, x.Shape[2], x.Shape[3], w.Shape[2], w.Shape[3]);
        LinearLayout layout;
        try
        {
            layout = LinearLayout.Convolution(x.Shape[1], w.Shape[0], window, x.Shape[2], x.Shape[3]);
        }
        catch (ShapeException e)
        {
            throw ctx.Error("BNN3009", e.Message);
        }

        var bias = ctx.OptionalIn(2) is not null ? ctx.ConstIn(2, "the convolution bias") : null;
        EmitLinear(ctx, x, layout, weights, bias);
    }

    public static void Gemm(ImportContext ctx)
    {
        var a = ctx.In(0);
        var b = ctx.In(1);
        var bData = ctx.ConstIn(1, "the Gemm weights (input B)");
        if (ctx.Int("transA", 0) != 0 || a.Shape.Rank != 2 || a.Shape[0] != 1 || b.Shape.Rank != 2)
        {
            throw ctx.Error("BNN3009", $"Gemm is supported as [1,K]·B with transA = 0; got A {a.Shape}, B {b.Shape}");
        }

        var transB = ctx.Int("transB", 0) != 0;
        var rows = transB ? b.Shape[1] : b.Shape[0];
        var columns = transB ? b.Shape[0] : b.Shape[1];
        if (rows != a.Shape[1])
        {
            throw ctx.Error("BNN3009", $"A {a.Shape} does not fit B {b.Shape} (transB = {(transB ? 1 : 0)})");
        }

        var alpha = ctx.Float("alpha", 1f);
        var beta = ctx.Float("beta", 1f);
        var weights = transB ? bData : TransposeMatrix(bData, rows, columns);
        if (alpha != 1f)
        {
            weights = weights.Select(v => v * alpha).ToArray();
        }

        float[]? bias = null;
        if (ctx.OptionalIn(2) is { } c)
        {
            var cData = ctx.ConstIn(2, "the Gemm bias (input C)");
            bias = cData.Length == 1 ? Enumerable.Repeat(cData[0] * beta, columns).ToArray()
                : cData.Length == columns ? cData.Select(v => v * beta).ToArray()
                : throw ctx.Error("BNN3009", $"bias C {c.Shape} does not broadcast to [1,{columns}]");
        }

        EmitLinear(ctx, a, LinearLayout.Dense(rows, columns), weights, bias);
    }

    public static void MatMul(ImportContext ctx)
    {
        var a = ctx.In(0);
        var b = ctx.In(1);
        if (a.IsConstant && !b.IsConstant)
        {
            throw ctx.Error("BNN3011", "MatMul is supported as activations · constant weights (weights as the second input)");
        }

        var bData = ctx.ConstIn(1, "the MatMul weights (input B)");
        var rows = a.Shape.Rank >= 1 ? a.Shape[a.Shape.Rank - 1] : 0;
        if (b.Shape.Rank != 2 || a.Shape.Count != rows || b.Shape[0] != rows)
        {
            throw ctx.Error("BNN3009", $"MatMul is supported as [1,K]·[K,N]; got {a.Shape}·{b.Shape}");
        }

        var columns = b.Shape[1];
        var input = a;
        if (a.Shape.Rank != 2)
        {
            input = new IrValue(a.Name + "_as_row", new TensorShape(1, rows));
            ctx.Emit(new ReshapeNode(input.Name, ctx.Origin, a, input));
        }

        EmitLinear(ctx, input, LinearLayout.Dense(rows, columns), TransposeMatrix(bData, rows, columns), null);
    }

    public static void BatchNorm(ImportContext ctx)
    {
        var x = ctx.In(0);
        if (ctx.Int("training_mode", 0) != 0)
        {
            throw ctx.Error("BNN3011", "BatchNormalization in training mode is not supported; export the model in eval mode");
        }

        var gamma = ctx.ConstIn(1, "scale");
        var beta = ctx.ConstIn(2, "B");
        var mean = ctx.ConstIn(3, "mean");
        var variance = ctx.ConstIn(4, "var");
        ParameterChecks.BatchNorm(ctx, gamma, variance, ctx.Float("epsilon", 1e-5f));
        try
        {
            ctx.Emit(new BatchNormNode(ctx.Node.Output[0], ctx.Origin, x, ctx.NewOutput(x.Shape), gamma, beta, mean, variance, ctx.Float("epsilon", 1e-5f)));
        }
        catch (ShapeException e)
        {
            throw ctx.Error("BNN3009", e.Message);
        }
    }

    public static void Pool(ImportContext ctx)
    {
        var x = ctx.In(0);
        if (x.Shape.Rank != 4)
        {
            throw ctx.Error("BNN3009", $"pooling is supported on 2-D maps [1,C,H,W]; got {x.Shape}");
        }

        if (ctx.Node.Output.Count > 1 && ctx.Node.Output[1].Length > 0)
        {
            throw ctx.Error("BNN3011", "MaxPool's indices output is not supported");
        }

        var global = ctx.Node.OpType.StartsWith("Global", StringComparison.Ordinal);
        var kind = ctx.Node.OpType.Contains("Max", StringComparison.Ordinal) ? PoolKind.Max : PoolKind.Average;
        var (h, w) = (x.Shape[2], x.Shape[3]);
        var kernel = global ? [h, w] : ctx.Ints("kernel_shape") ?? throw ctx.Error("BNN3011", "kernel_shape is required");
        if (kernel.Length != 2)
        {
            throw ctx.Error("BNN3011", $"only 2-D windows are supported; kernel_shape has {kernel.Length} entries");
        }

        var window = global ? new WindowGeometry(h, w) : Window(ctx, h, w, InRange(ctx, kernel[0], "kernel_shape", 1), InRange(ctx, kernel[1], "kernel_shape", 1));
        var ceil = ctx.Int("ceil_mode", 0) != 0;
        try
        {
            var shape = new TensorShape(1, x.Shape[1], window.OutputHeight(h, ceil), window.OutputWidth(w, ceil));
            ctx.Emit(new PoolNode(ctx.Node.Output[0], ctx.Origin, kind, x, ctx.NewOutput(shape), window, ctx.Int("count_include_pad", 0) != 0));
        }
        catch (ShapeException e)
        {
            throw ctx.Error("BNN3009", e.Message);
        }
    }

    private static void EmitLinear(ImportContext ctx, IrValue input, LinearLayout layout, float[] weights, float[]? bias)
    {
        var output = ctx.NewOutput(layout.OutputShape);
        var name = ctx.Node.Name.Length > 0 ? ctx.Node.Name : ctx.Node.Output[0];
        if (BinaryWeights.TryFactor(weights, layout.Columns, layout.Rows, out var signs, out var alpha))
        {
            ctx.Emit(new BinaryLinearNode(name, ctx.Origin, input, output, layout, signs, alpha, bias));
        }
        else
        {
            ctx.Emit(new FloatLinearNode(name, ctx.Origin, input, output, layout, weights, bias));
        }
    }

    private static float[] TransposeMatrix(float[] kByN, int rows, int columns)
    {
        var result = new float[kByN.Length];
        for (var k = 0; k < rows; k++)
        {
            for (var n = 0; n < columns; n++)
            {
                result[(n * rows) + k] = kByN[(k * columns) + n];
            }
        }

        return result;
    }

    private static WindowGeometry Window(ImportContext ctx, int h, int w, int kh, int kw)
    {
        InRange(ctx, kh, "the kernel height", 1);
        InRange(ctx, kw, "the kernel width", 1);
        var strides = ctx.Ints("strides") ?? [1, 1];
        var dilations = ctx.Ints("dilations") ?? [1, 1];
        var pads = ctx.Ints("pads") ?? [0, 0, 0, 0];
        if (strides.Length != 2 || dilations.Length != 2 || pads.Length != 4)
        {
            throw ctx.Error("BNN3011", "only 2-D windows are supported (two strides, two dilations, four pads)");
        }

        foreach (var (values, name, min) in new[] { (strides, "strides", 1L), (dilations, "dilations", 1L), (pads, "pads", 0L) })
        {
            foreach (var v in values)
            {
                InRange(ctx, v, name, min);
            }
        }

        var autoPad = ctx.Str("auto_pad", "NOTSET");
        if (autoPad is "SAME_UPPER" or "SAME_LOWER")
        {
            var padH = SamePad(h, kh, (int)strides[0], (int)dilations[0]);
            var padW = SamePad(w, kw, (int)strides[1], (int)dilations[1]);
            var upper = autoPad == "SAME_UPPER";
            pads = [upper ? padH / 2 : padH - (padH / 2), upper ? padW / 2 : padW - (padW / 2),
                upper ? padH - (padH / 2) : padH / 2, upper ? padW - (padW / 2) : padW / 2];
        }
        else if (autoPad == "VALID")
        {
            pads = [0, 0, 0, 0];
        }
        else if (autoPad != "NOTSET")
        {
            throw ctx.Error("BNN3011", $"auto_pad '{autoPad}' is not one of NOTSET, SAME_UPPER, SAME_LOWER, VALID");
        }

        return new WindowGeometry(kh, kw, (int)strides[0], (int)strides[1], (int)pads[0], (int)pads[1], (int)pads[2], (int)pads[3],
            (int)dilations[0], (int)dilations[1]);
    }

    /// <summary>Largest kernel, stride, dilation or pad accepted: far above any real network, far below overflow.</summary>
    private const long MaxWindow = 1 << 16;

    private static int InRange(ImportContext ctx, long value, string attribute, long min) =>
        value >= min && value <= MaxWindow
            ? (int)value
            : throw ctx.Error("BNN3011", $"{attribute} holds {value}; supported: {min} to {MaxWindow}");

    private static long SamePad(int size, int kernel, int stride, int dilation)
    {
        var output = (size + stride - 1) / stride;
        return Math.Max(0, ((output - 1) * stride) + ((kernel - 1) * dilation) + 1 - size);
    }
}
