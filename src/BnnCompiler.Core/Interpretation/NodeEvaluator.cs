using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Core.Interpretation;

/// <summary>
/// Evaluates one node on concrete inputs: the interpreter's kernels, also used by the importer to fold
/// nodes whose inputs are all constants.
/// </summary>
public static class NodeEvaluator
{
    public static float[] Evaluate(IrNode node, IReadOnlyList<float[]> args)
    {
        var shapes = node.Inputs.Select(v => v.Shape).ToList();
        switch (node)
        {
            case ElementwiseNode e:
                return ElementwiseKernels.Binary(e.Op, args[0], shapes[0], args[1], shapes[1], e.Output.Shape);
            case UnaryNode u:
                return ElementwiseKernels.Unary(u, args[0]);
            case WhereNode:
                return ElementwiseKernels.Where(args[0], shapes[0], args[1], shapes[1], args[2], shapes[2], node.Output.Shape);
            case ThresholdNode t:
                return ActivationKernels.Threshold(t, args[0]);
            case BatchNormNode bn:
                return ActivationKernels.BatchNorm(bn, args[0]);
            case QuantNode q:
                return ActivationKernels.Quant(q, args[0]);
            case PoolNode p:
                return PoolKernels.Pool(p, args[0]);
            case ReshapeNode:
                return (float[])args[0].Clone();
            case TransposeNode t:
                return ShapeKernels.Transpose(args[0], shapes[0], t.Perm);
            case ConcatNode c:
                return ShapeKernels.Concat(args, shapes, c.Axis);
            case BinaryLinearNode b:
                {
                    var output = new float[b.Output.Shape.Count];
                    LinearKernels.SignedDot(args[0], Im2Col.For(b.Layout), b.Signs, b.Layout.Columns, output);
                    LinearKernels.ScaleAndShift(output, b.Layout.Columns, b.Layout.OutputPixels, b.Alpha, b.Bias);
                    return output;
                }

            case FloatLinearNode f:
                {
                    var output = new float[f.Output.Shape.Count];
                    LinearKernels.FloatDot(args[0], Im2Col.For(f.Layout), f.Weights, f.Bias, f.Layout.Columns, output);
                    return output;
                }

            default:
                throw new InvalidOperationException($"no kernel for {node.OpName}");
        }
    }
}
