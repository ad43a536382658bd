using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Onnx.Import;

/// <summary>
/// Shape and data-movement operators. Shape arithmetic (the dynamic-flatten idiom Shape → Gather →
/// Unsqueeze → Concat → Reshape) is evaluated at import, since every shape is static.
/// </summary>
internal static class ShapeTranslators
{
    public static void Identity(ImportContext ctx) => ctx.Alias(ctx.In(0));

    public static void Constant(ImportContext ctx)
    {
        if (ctx.Attr("value") is { T: { } t })
        {
            var (shape, data) = TensorData.Decode(t);
            ctx.BindConstant(shape, data);
        }
        else if (ctx.Attr("value_float") is { } f)
        {
            ctx.BindConstant(TensorShape.Scalar, [f.F]);
        }
        else if (ctx.Attr("value_int") is { } i)
        {
            ctx.BindConstant(TensorShape.Scalar, [i.I]);
        }
        else if (ctx.Attr("value_floats") is { } fs)
        {
            ctx.BindConstant(new TensorShape(fs.Floats.Count), fs.Floats.ToArray());
        }
        else if (ctx.Attr("value_ints") is { } ints)
        {
            ctx.BindConstant(new TensorShape(ints.Ints.Count), ints.Ints.Select(v => (float)v).ToArray());
        }
        else
        {
            throw ctx.Error("BNN3011", "Constant needs one of the attributes value, value_float, value_int, value_floats, value_ints");
        }
    }

    public static void Shape(ImportContext ctx)
    {
        var dims = ctx.In(0).Shape.Dims.Select(d => (float)d).ToArray();
        ctx.BindConstant(new TensorShape(dims.Length), dims);
    }

    public static void ConstantOfShape(ImportContext ctx)
    {
        var dims = ctx.ConstIn(0, "the shape").Select(d => (int)d).ToArray();
        var value = ctx.Attr("value") is { T: { } t } ? TensorData.Decode(t).Values[0] : 0f;
        var shape = ctx.Capped(new TensorShape(dims));
        ctx.BindConstant(shape, Enumerable.Repeat(value, shape.Count).ToArray());
    }

    public static void Gather(ImportContext ctx)
    {
        var data = ctx.In(0);
        var indices = ctx.In(1);
        if (data.Constant is null || indices.Constant is null)
        {
            throw ctx.Error("BNN3011", "Gather is supported on compile-time shapes and constants only, not on activations");
        }

        var axis = ctx.Axis(ctx.Int("axis", 0), data.Shape.Rank);
        var outer = data.Shape.Dims.Take(axis).Aggregate(1, (a, b) => a * b);
        var inner = data.Shape.Dims.Skip(axis + 1).Aggregate(1, (a, b) => a * b);
        var size = data.Shape[axis];
        var result = new List<float>();
        for (var o = 0; o < outer; o++)
        {
            foreach (var raw in indices.Constant)
            {
                var index = raw < 0 ? (int)raw + size : (int)raw;
                result.AddRange(data.Constant.AsSpan(((o * size) + index) * inner, inner).ToArray());
            }
        }

        var dims = data.Shape.Dims.Take(axis).Concat(indices.Shape.Dims).Concat(data.Shape.Dims.Skip(axis + 1)).ToArray();
        ctx.BindConstant(new TensorShape(dims), result.ToArray());
    }

    public static void Unsqueeze(ImportContext ctx)
    {
        var x = ctx.In(0);
        var axes = AxesOf(ctx);
        var rank = x.Shape.Rank + axes.Length;
        var norm = axes.Select(a => ctx.Axis(a, rank)).ToHashSet();
        var dims = new List<int>();
        var source = 0;
        for (var i = 0; i < rank; i++)
        {
            dims.Add(norm.Contains(i) ? 1 : x.Shape[source++]);
        }

        Reshaped(ctx, x, new TensorShape(dims.ToArray()));
    }

    public static void Squeeze(ImportContext ctx)
    {
        var x = ctx.In(0);
        var axes = AxesOf(ctx);
        var norm = axes.Length == 0
            ? Enumerable.Range(0, x.Shape.Rank).Where(i => x.Shape[i] == 1).ToHashSet()
            : axes.Select(a => ctx.Axis(a, x.Shape.Rank)).ToHashSet();
        var dims = Enumerable.Range(0, x.Shape.Rank).Where(i => !norm.Contains(i)).Select(i => x.Shape[i]).ToArray();
        Reshaped(ctx, x, new TensorShape(dims));
    }

    public static void Reshape(ImportContext ctx)
    {
        var x = ctx.In(0);
        var target = ctx.ConstIn(1, "the target shape").Select(v => (long)v).ToArray();
        var allowZero = ctx.Int("allowzero", 0) != 0;
        var dims = new int[target.Length];
        var inferred = -1;
        for (var i = 0; i < target.Length; i++)
        {
            if (target[i] == -1)
            {
                inferred = inferred < 0 ? i : throw ctx.Error("BNN3009", "the target shape has more than one -1");
                continue;
            }

            dims[i] = target[i] == 0 && !allowZero ? x.Shape[i] : (int)target[i];
        }

        if (inferred >= 0)
        {
            var known = dims.Where((_, i) => i != inferred).Aggregate(1L, (a, b) => a * b);
            if (known == 0 || x.Shape.ElementCount % known != 0)
            {
                throw ctx.Error("BNN3009", $"cannot reshape {x.Shape} to [{string.Join(",", target)}]");
            }

            dims[inferred] = (int)(x.Shape.ElementCount / known);
        }

        Reshaped(ctx, x, new TensorShape(dims));
    }

    public static void Flatten(ImportContext ctx)
    {
        var x = ctx.In(0);
        var axis = (int)ctx.Int("axis", 1);
        axis = axis < 0 ? axis + x.Shape.Rank : axis;
        var outer = x.Shape.Dims.Take(axis).Aggregate(1, (a, b) => a * b);
        Reshaped(ctx, x, new TensorShape(outer, x.Shape.Count / Math.Max(outer, 1)));
    }

    public static void Concat(ImportContext ctx)
    {
        var inputs = Enumerable.Range(0, ctx.Node.Input.Count).Select(ctx.In).ToList();
        var rank = inputs[0].Shape.Rank;
        var axis = ctx.Axis(ctx.Int("axis", 0), rank);
        var dims = inputs[0].Shape.ToArray();
        foreach (var v in inputs.Skip(1))
        {
            if (v.Shape.Rank != rank || Enumerable.Range(0, rank).Any(d => d != axis && v.Shape[d] != dims[d]))
            {
                throw ctx.Error("BNN3009", $"cannot concatenate {inputs[0].Shape} and {v.Shape} on axis {axis}");
            }

            dims[axis] += v.Shape[axis];
        }

        ctx.Emit(new ConcatNode(ctx.Node.Output[0], ctx.Origin, inputs, ctx.NewOutput(new TensorShape(dims)), axis));
    }

    public static void Transpose(ImportContext ctx)
    {
        var x = ctx.In(0);
        var perm = ctx.Ints("perm")?.Select(p => (int)p).ToArray() ?? Enumerable.Range(0, x.Shape.Rank).Reverse().ToArray();
        if (perm.Length != x.Shape.Rank || perm.Order().Where((p, i) => p != i).Any())
        {
            throw ctx.Error("BNN3009", $"perm [{string.Join(",", perm)}] is not a permutation of the axes of {x.Shape}");
        }

        var shape = new TensorShape(perm.Select(p => x.Shape[p]).ToArray());
        ctx.Emit(new TransposeNode(ctx.Node.Output[0], ctx.Origin, x, ctx.NewOutput(shape), perm));
    }

    /// <summary>Cast keeps float data; to an integer type it truncates (comparisons give 0/1 already).</summary>
    public static void Cast(ImportContext ctx)
    {
        var x = ctx.In(0);
        var to = ctx.Int("to", 1);
        var toInteger = to is 2 or 3 or 4 or 5 or 6 or 7 or 12 or 13;
        if (x.Constant is { } c)
        {
            ctx.BindConstant(x.Shape, toInteger ? c.Select(MathF.Truncate).ToArray() : c);
            return;
        }

        ctx.Emit(new UnaryNode(ctx.Node.Output[0], ctx.Origin, toInteger ? UnaryOp.Truncate : UnaryOp.Identity, x, ctx.NewOutput(x.Shape)));
    }

    private static long[] AxesOf(ImportContext ctx) =>
        ctx.Ints("axes") ?? (ctx.OptionalIn(1) is { } a ? ctx.ConstIn(1, "axes").Select(v => (long)v).ToArray() : []);

    private static void Reshaped(ImportContext ctx, IrValue x, TensorShape shape)
    {
        if (shape.ElementCount != x.Shape.ElementCount)
        {
            throw ctx.Error("BNN3009", $"cannot reshape {x.Shape} to {shape}");
        }

        ctx.Emit(new ReshapeNode(ctx.Node.Output[0], ctx.Origin, x, ctx.NewOutput(shape)));
    }
}
