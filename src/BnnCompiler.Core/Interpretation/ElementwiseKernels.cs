using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Core.Interpretation;

/// <summary>Elementwise float32 kernels; each operation rounds once, as IEEE arithmetic in ONNX Runtime does.</summary>
public static class ElementwiseKernels
{
    public static float[] Binary(ElementwiseOp op, float[] a, TensorShape shapeA, float[] b, TensorShape shapeB, TensorShape shapeOut)
    {
        var ia = Broadcast.Indices(shapeA, shapeOut);
        var ib = Broadcast.Indices(shapeB, shapeOut);
        var result = new float[shapeOut.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Apply(op, a[ia[i]], b[ib[i]]);
        }

        return result;
    }

    public static float Apply(ElementwiseOp op, float x, float y) => op switch
    {
        ElementwiseOp.Add => x + y,
        ElementwiseOp.Sub => x - y,
        ElementwiseOp.Mul => x * y,
        ElementwiseOp.Div => x / y,
        ElementwiseOp.Pow => y == 0.5f ? MathF.Sqrt(x) : y == 2f ? x * x : MathF.Pow(x, y),
        ElementwiseOp.Max => MathF.Max(x, y),
        ElementwiseOp.Min => MathF.Min(x, y),
        ElementwiseOp.Greater => x > y ? 1f : 0f,
        ElementwiseOp.GreaterOrEqual => x >= y ? 1f : 0f,
        ElementwiseOp.Less => x < y ? 1f : 0f,
        ElementwiseOp.LessOrEqual => x <= y ? 1f : 0f,
        ElementwiseOp.Equal => x == y ? 1f : 0f,
        ElementwiseOp.And => x != 0 && y != 0 ? 1f : 0f,
        ElementwiseOp.Or => x != 0 || y != 0 ? 1f : 0f,
        _ => throw new InvalidOperationException($"no kernel for {op}"),
    };

    public static float[] Unary(UnaryNode node, float[] x)
    {
        if (node.Op is UnaryOp.Softmax or UnaryOp.LogSoftmax)
        {
            return Softmax(x, node.Input().Shape, node.Op == UnaryOp.LogSoftmax);
        }

        var result = new float[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            result[i] = node.Op switch
            {
                UnaryOp.Identity => v,
                UnaryOp.Relu => v > 0 ? v : 0f,
                UnaryOp.Sign => v > 0 ? 1f : v < 0 ? -1f : 0f,
                UnaryOp.Neg => -v,
                UnaryOp.Abs => MathF.Abs(v),
                UnaryOp.Sqrt => MathF.Sqrt(v),
                UnaryOp.Reciprocal => 1f / v,
                UnaryOp.Floor => MathF.Floor(v),
                UnaryOp.Truncate => MathF.Truncate(v),
                UnaryOp.Ceil => MathF.Ceiling(v),
                UnaryOp.Round => MathF.Round(v, MidpointRounding.ToEven),
                UnaryOp.Not => v == 0 ? 1f : 0f,
                UnaryOp.Tanh => MathF.Tanh(v),
                UnaryOp.Sigmoid => 1f / (1f + MathF.Exp(-v)),
                UnaryOp.Exp => MathF.Exp(v),
                UnaryOp.Log => MathF.Log(v),
                UnaryOp.Clip => MathF.Min(MathF.Max(v, node.Min), node.Max),
                _ => throw new InvalidOperationException($"no kernel for {node.Op}"),
            };
        }

        return result;
    }

    public static float[] Where(float[] cond, TensorShape sc, float[] a, TensorShape sa, float[] b, TensorShape sb, TensorShape shapeOut)
    {
        var ic = Broadcast.Indices(sc, shapeOut);
        var ia = Broadcast.Indices(sa, shapeOut);
        var ib = Broadcast.Indices(sb, shapeOut);
        var result = new float[shapeOut.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = cond[ic[i]] != 0 ? a[ia[i]] : b[ib[i]];
        }

        return result;
    }

    private static float[] Softmax(float[] x, TensorShape shape, bool log)
    {
        var inner = shape.Rank == 0 ? 1 : shape[shape.Rank - 1];
        var result = new float[x.Length];
        for (var start = 0; start < x.Length; start += inner)
        {
            var max = float.NegativeInfinity;
            for (var i = 0; i < inner; i++)
            {
                max = MathF.Max(max, x[start + i]);
            }

            var sum = 0f;
            for (var i = 0; i < inner; i++)
            {
                sum += MathF.Exp(x[start + i] - max);
            }

            for (var i = 0; i < inner; i++)
            {
                result[start + i] = log ? x[start + i] - max - MathF.Log(sum) : MathF.Exp(x[start + i] - max) / sum;
            }
        }

        return result;
    }

    private static IrValue Input(this IrNode node) => node.Inputs[0];
}
