using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Core.Ir;

/// <summary>
/// The per-node rules of <see cref="IrVerifier"/>: <c>shape</c> (the output shape follows from the inputs and the
/// node's parameters) and <c>encoding</c> (threshold tables ascending per channel with one sign of ±1 per channel and
/// finite output levels, ±1 weight signs, a quantizer range of at least two codes, per-channel parameters one per channel).
/// </summary>
public static class IrNodeRules
{
    public static IEnumerable<string> Check(IrNode node) => node switch
    {
        ThresholdNode t => SameCount(t).Concat(Threshold(t)),
        BinaryLinearNode b => Linear(b, b.Layout).Concat(BinaryWeights(b)),
        FloatLinearNode f => Linear(f, f.Layout).Concat(PerColumn(f, "bias", f.Bias, f.Layout.Columns)),
        QuantNode q => SameCount(q).Concat(q.QMax > q.QMin ? [] : [$"encoding: {q.Name} quantizes to {q.QMin}..{q.QMax}, fewer than two codes"]),
        BatchNormNode or UnaryNode or ReshapeNode or TransposeNode => SameCount(node),
        ElementwiseNode e => Broadcast(e, e.Inputs[0].Shape, e.Inputs[1].Shape),
        WhereNode w => Broadcast(w, ElementwiseNode.BroadcastShape(w.Inputs[1].Shape, w.Inputs[2].Shape), w.Inputs[0].Shape),
        ConcatNode c => c.Inputs.Sum(v => v.Shape.ElementCount) == c.Output.Shape.ElementCount ? []
            : [$"shape: {c.Name} concatenates {c.Inputs.Sum(v => v.Shape.ElementCount)} elements into {c.Output} of {c.Output.Shape.ElementCount}"],
        _ => [],
    };

    private static IEnumerable<string> SameCount(IrNode node)
    {
        if (node.Inputs[0].Shape.ElementCount != node.Output.Shape.ElementCount)
        {
            yield return $"shape: {node.Name} ({node.OpName}) maps {node.Inputs[0]} to {node.Output}; the element counts must agree";
        }
    }

    private static IEnumerable<string> Broadcast(IrNode node, TensorShape a, TensorShape b)
    {
        TensorShape? expected;
        try
        {
            expected = ElementwiseNode.BroadcastShape(a, b);
        }
        catch (ShapeException)
        {
            expected = null;
        }

        if (expected is null || expected.ElementCount != node.Output.Shape.ElementCount)
        {
            yield return $"shape: {node.Name} ({node.OpName}) of {a} and {b} broadcasts to {expected?.ToString() ?? "nothing"}, but its output is {node.Output}";
        }
    }

    private static IEnumerable<string> Linear(IrNode node, LinearLayout layout)
    {
        var input = (long)layout.InChannels * layout.InputHeight * layout.InputWidth;
        if (node.Inputs[0].Shape.ElementCount != input)
        {
            yield return $"shape: {node.Name} ({layout}) reads {input} elements, but its input is {node.Inputs[0]}";
        }

        if (node.Output.Shape.ElementCount != (long)layout.Columns * layout.OutputPixels)
        {
            yield return $"shape: {node.Name} ({layout}) writes {(long)layout.Columns * layout.OutputPixels} elements, but its output is {node.Output}";
        }
    }

    private static IEnumerable<string> BinaryWeights(BinaryLinearNode b)
    {
        var bad = Array.FindIndex(b.Signs, s => s is not (1 or -1));
        if (bad >= 0)
        {
            yield return $"encoding: {b.Name} has weight sign {b.Signs[bad]} at {bad}; allowed: +1, -1";
        }

        foreach (var p in PerColumn(b, "alpha", b.Alpha, b.Layout.Columns).Concat(PerColumn(b, "bias", b.Bias, b.Layout.Columns)))
        {
            yield return p;
        }
    }

    private static IEnumerable<string> PerColumn(IrNode node, string what, float[]? values, int columns)
    {
        if (values is not null && values.Length != columns)
        {
            yield return $"shape: {node.Name} has {values.Length} {what} values for {columns} output channels";
        }
    }

    private static IEnumerable<string> Threshold(ThresholdNode t)
    {
        for (var c = 0; c < t.Channels; c++)
        {
            var row = t.Thresholds.AsSpan(c * t.Levels, t.Levels);
            for (var i = 1; i < row.Length; i++)
            {
                if (!(row[i - 1] <= row[i]))
                {
                    yield return $"encoding: {t.Name} channel {c} thresholds are not ascending ({row[i - 1]} then {row[i]})";
                    break;
                }
            }
        }

        if (t.ChannelSigns is { } signs && (signs.Length != t.Channels || signs.Any(s => s is not (1 or -1))))
        {
            yield return $"encoding: {t.Name} has {signs.Length} channel signs for {t.Channels} channels; each must be +1 or -1";
        }

        if (!float.IsFinite(t.OutScale) || !float.IsFinite(t.OutBias) || t.OutScale == 0f)
        {
            yield return $"encoding: {t.Name} output levels {t.OutScale}*code{t.OutBias:+0.###;-0.###} are not distinct finite values";
        }
    }
}
