using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Onnx.Import;

/// <summary>Elementwise operators: arithmetic, comparisons, Where, activations, Clip, Softmax.</summary>
internal static class MathTranslators
{
    public static readonly IReadOnlyDictionary<string, ElementwiseOp> BinaryOps = new Dictionary<string, ElementwiseOp>
    {
        ["Add"] = ElementwiseOp.Add,
        ["Sub"] = ElementwiseOp.Sub,
        ["Mul"] = ElementwiseOp.Mul,
        ["Div"] = ElementwiseOp.Div,
        ["Pow"] = ElementwiseOp.Pow,
        ["Max"] = ElementwiseOp.Max,
        ["Min"] = ElementwiseOp.Min,
        ["Greater"] = ElementwiseOp.Greater,
        ["GreaterOrEqual"] = ElementwiseOp.GreaterOrEqual,
        ["Less"] = ElementwiseOp.Less,
        ["LessOrEqual"] = ElementwiseOp.LessOrEqual,
        ["Equal"] = ElementwiseOp.Equal,
        ["And"] = ElementwiseOp.And,
        ["Or"] = ElementwiseOp.Or,
    };

    public static readonly IReadOnlyDictionary<string, UnaryOp> UnaryOps = new Dictionary<string, UnaryOp>
    {
        ["Relu"] = UnaryOp.Relu,
        ["Sign"] = UnaryOp.Sign,
        ["Neg"] = UnaryOp.Neg,
        ["Abs"] = UnaryOp.Abs,
        ["Sqrt"] = UnaryOp.Sqrt,
        ["Reciprocal"] = UnaryOp.Reciprocal,
        ["Floor"] = UnaryOp.Floor,
        ["Ceil"] = UnaryOp.Ceil,
        ["Round"] = UnaryOp.Round,
        ["Not"] = UnaryOp.Not,
        ["Tanh"] = UnaryOp.Tanh,
        ["Sigmoid"] = UnaryOp.Sigmoid,
        ["Exp"] = UnaryOp.Exp,
        ["Log"] = UnaryOp.Log,
        ["Softmax"] = UnaryOp.Softmax,
        ["LogSoftmax"] = UnaryOp.LogSoftmax,
    };

    public static void Binary(ImportContext ctx)
    {
        var op = BinaryOps[ctx.Node.OpType];
        if (ctx.Node.OpType is "Max" or "Min" && ctx.InputCount != 2)
        {
            throw ctx.Error("BNN3011", $"{ctx.Node.OpType} is supported with two inputs; it has {ctx.InputCount}");
        }

        var a = ctx.In(0);
        var b = ctx.In(1);
        TensorShape shape;
        try
        {
            shape = ElementwiseNode.BroadcastShape(a.Shape, b.Shape);
        }
        catch (ShapeException e)
        {
            throw ctx.Error("BNN3009", e.Message);
        }

        ctx.Emit(new ElementwiseNode(ctx.Node.Output[0], ctx.Origin, op, a, b, ctx.NewOutput(shape)));
    }

    public static void Unary(ImportContext ctx)
    {
        var x = ctx.In(0);
        var op = UnaryOps[ctx.Node.OpType];
        if (op is UnaryOp.Softmax or UnaryOp.LogSoftmax)
        {
            var axis = ctx.Axis(ctx.Int("axis", ctx.Opset >= 13 ? -1 : 1), x.Shape.Rank);
            var trailing = x.Shape.Dims.Skip(axis + 1).All(d => d == 1);
            if (axis != x.Shape.Rank - 1 && !trailing)
            {
                throw ctx.Error("BNN3011", $"{ctx.Node.OpType} is supported over the last axis only; axis is {axis} of {x.Shape}");
            }
        }

        ctx.Emit(new UnaryNode(ctx.Node.Output[0], ctx.Origin, op, x, ctx.NewOutput(x.Shape)));
    }

    public static void Clip(ImportContext ctx)
    {
        var x = ctx.In(0);
        var min = ctx.Attr("min") is { } amin ? amin.F : ctx.OptionalIn(1) is not null ? ctx.ConstIn(1, "min")[0] : float.NegativeInfinity;
        var max = ctx.Attr("max") is { } amax ? amax.F : ctx.OptionalIn(2) is not null ? ctx.ConstIn(2, "max")[0] : float.PositiveInfinity;
        ctx.Emit(new UnaryNode(ctx.Node.Output[0], ctx.Origin, UnaryOp.Clip, x, ctx.NewOutput(x.Shape), min, max));
    }

    public static void Where(ImportContext ctx)
    {
        var (c, a, b) = (ctx.In(0), ctx.In(1), ctx.In(2));
        TensorShape shape;
        try
        {
            shape = ElementwiseNode.BroadcastShape(ElementwiseNode.BroadcastShape(c.Shape, a.Shape), b.Shape);
        }
        catch (ShapeException e)
        {
            throw ctx.Error("BNN3009", e.Message);
        }

        ctx.Emit(new WhereNode(ctx.Node.Output[0], ctx.Origin, c, a, b, ctx.NewOutput(shape)));
    }
}
