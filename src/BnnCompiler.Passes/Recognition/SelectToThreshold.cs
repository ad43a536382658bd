using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Passes.Recognition;

/// <summary>
/// Straight-through binarizers as exporters write them become one threshold:
/// <code>
/// Where(t, a, b)       with t a 0/1 threshold of x   →  threshold(x) · (a − b) + b
/// Cast(t)              with t a threshold             →  t (integer levels are unchanged by a cast)
/// Sign(Sign(x) + c)    with 0 &lt; c &lt; 1 (Larq)         →  threshold(x, T=0) · 2 − 1
/// </code>
/// </summary>
public sealed class SelectToThreshold : IIrPass
{
    public string Name => "select-to-threshold";

    public bool Run(IrGraph graph) => RewriteEach.Node<IrNode>(graph, node => node switch
    {
        WhereNode w => MatchWhere(graph, w),
        UnaryNode { Op: UnaryOp.Identity or UnaryOp.Truncate or UnaryOp.Floor } u => MatchCast(graph, u),
        UnaryNode { Op: UnaryOp.Sign } s => MatchLarq(graph, s),
        _ => null,
    });

    private static ThresholdNode? MatchWhere(IrGraph graph, WhereNode node)
    {
        if (graph.Producer(node.Inputs[0]) is not ThresholdNode { IsBinary: true } t
            || node.Inputs[1].ScalarConstant is not { } a || node.Inputs[2].ScalarConstant is not { } b
            || t.Output.Shape.Count != node.Output.Shape.Count)
        {
            return null;
        }

        // cond = OutScale·code + OutBias must be boolean: (1, 0) or (−1, 1).
        if (t is { OutScale: 1f, OutBias: 0f })
        {
            return Retarget(t, a - b, b, node);
        }

        return t is { OutScale: -1f, OutBias: 1f } ? Retarget(t, b - a, a, node) : null;
    }

    private static ThresholdNode? MatchCast(IrGraph graph, UnaryNode node)
    {
        if (graph.Producer(node.Inputs[0]) is not ThresholdNode t)
        {
            return null;
        }

        var integral = Enumerable.Range(0, t.Levels + 1).All(code => IsInteger((t.OutScale * code) + t.OutBias));
        return integral ? Retarget(t, t.OutScale, t.OutBias, node) : null;
    }

    private static ThresholdNode? MatchLarq(IrGraph graph, UnaryNode outer)
    {
        if (graph.Producer(outer.Inputs[0]) is not ElementwiseNode { Op: ElementwiseOp.Add } add)
        {
            return null;
        }

        var (sum, constant) = add.Inputs[1].ScalarConstant is { } c1 ? (add.Inputs[0], c1)
            : add.Inputs[0].ScalarConstant is { } c0 ? (add.Inputs[1], c0) : (add.Inputs[0], float.NaN);
        if (!(constant > 0f && constant < 1f) || graph.Producer(sum) is not UnaryNode { Op: UnaryOp.Sign } inner)
        {
            return null;
        }

        return new ThresholdNode(outer.Name, $"{inner.Origin} + {add.Origin} + {outer.Origin}", inner.Inputs[0], outer.Output,
            [0f], 1, null, false, 2f, -1f);
    }

    private static ThresholdNode Retarget(ThresholdNode t, float outScale, float outBias, IrNode replaced) =>
        new(replaced.Name, $"{t.Origin} + {replaced.Origin}", t.Inputs[0], replaced.Output, t.Thresholds, t.Levels, t.ChannelSigns, t.Strict, outScale, outBias);

    private static bool IsInteger(float v) => v == MathF.Round(v);
}
