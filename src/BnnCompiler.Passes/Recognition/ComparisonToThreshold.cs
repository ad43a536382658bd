using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Passes.Recognition;

/// <summary>
/// A comparison of an activation with a scalar constant becomes a one-level threshold with output 0/1.
/// <code>
/// before: y = GreaterOrEqual(x, c)            after: y = threshold(x, T=c) · 1 + 0
///         y = Less(x, c)                             y = threshold(x, T=c) · (−1) + 1
/// </code>
/// </summary>
public sealed class ComparisonToThreshold : IIrPass
{
    public string Name => "comparison-to-threshold";

    public bool Run(IrGraph graph) => RewriteEach.Node<ElementwiseNode>(graph, Match);

    private static ThresholdNode? Match(ElementwiseNode node)
    {
        if (node.Op is not (ElementwiseOp.Greater or ElementwiseOp.GreaterOrEqual or ElementwiseOp.Less or ElementwiseOp.LessOrEqual))
        {
            return null;
        }

        var (a, b) = (node.Inputs[0], node.Inputs[1]);
        var op = node.Op;
        IrValue x;
        float c;
        if (b.ScalarConstant is { } cb && !a.IsConstant)
        {
            (x, c) = (a, cb);
        }
        else if (a.ScalarConstant is { } ca && !b.IsConstant)
        {
            (x, c) = (b, ca);
            op = op switch
            {
                ElementwiseOp.Greater => ElementwiseOp.Less,
                ElementwiseOp.GreaterOrEqual => ElementwiseOp.LessOrEqual,
                ElementwiseOp.Less => ElementwiseOp.Greater,
                _ => ElementwiseOp.GreaterOrEqual,
            };
        }
        else
        {
            return null;
        }

        if (x.Shape.Count != node.Output.Shape.Count)
        {
            return null;
        }

        // x < c is 1 − [x ≥ c]; x ≤ c is 1 − [x > c].
        var strict = op is ElementwiseOp.Greater or ElementwiseOp.LessOrEqual;
        var negated = op is ElementwiseOp.Less or ElementwiseOp.LessOrEqual;
        return new ThresholdNode(node.Name, node.Origin, x, node.Output, [c], 1, null, strict, negated ? -1f : 1f, negated ? 1f : 0f);
    }
}
