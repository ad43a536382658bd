using BnnCompiler.Core.Interpretation;
using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Passes.Recognition;

/// <summary>
/// A scalar affine step after a threshold folds into the threshold's output levels, when the folded
/// levels are bit-identical to computing the step in float32 (e.g. Cast(x ≥ 0)·2 − 1).
/// <code>
/// before: t = threshold(x)·s + b;  y = t · k        after: y = threshold(x)·(s·k) + b·k
/// </code>
/// </summary>
public sealed class FoldThresholdOutputAffine : IIrPass
{
    public string Name => "fold-threshold-output-affine";

    public bool Run(IrGraph graph) => RewriteEach.Node<ElementwiseNode>(graph, node => Match(graph, node));

    private static ThresholdNode? Match(IrGraph graph, ElementwiseNode node)
    {
        if (node.Op is not (ElementwiseOp.Add or ElementwiseOp.Sub or ElementwiseOp.Mul or ElementwiseOp.Div))
        {
            return null;
        }

        var thresholdFirst = graph.Producer(node.Inputs[0]) is ThresholdNode && node.Inputs[1].ScalarConstant is not null;
        var thresholdSecond = graph.Producer(node.Inputs[1]) is ThresholdNode && node.Inputs[0].ScalarConstant is not null;
        if (!thresholdFirst && !thresholdSecond)
        {
            return null;
        }

        var t = (ThresholdNode)graph.Producer(node.Inputs[thresholdFirst ? 0 : 1])!;
        var k = node.Inputs[thresholdFirst ? 1 : 0].ScalarConstant!.Value;
        if (t.Output.Shape.Count != node.Output.Shape.Count || (!thresholdFirst && node.Op == ElementwiseOp.Div))
        {
            return null;
        }

        var (s, b) = (t.OutScale, t.OutBias);
        var (scale, bias) = node.Op switch
        {
            ElementwiseOp.Add => (s, b + k),
            ElementwiseOp.Sub => thresholdFirst ? (s, b - k) : (-s, k - b),
            ElementwiseOp.Mul => (s * k, b * k),
            _ => (s / k, b / k),
        };
        for (var code = 0; code <= t.Levels; code++)
        {
            var level = (s * code) + b;
            var stepped = thresholdFirst ? ElementwiseKernels.Apply(node.Op, level, k) : ElementwiseKernels.Apply(node.Op, k, level);
            if (stepped != (scale * code) + bias)
            {
                return null;
            }
        }

        return new ThresholdNode(node.Name, $"{t.Origin} + {node.Origin}", t.Inputs[0], node.Output, t.Thresholds, t.Levels,
            t.ChannelSigns, t.Strict, scale, bias);
    }
}
