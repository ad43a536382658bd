using BnnCompiler.Core.Analysis;
using BnnCompiler.Core.Interpretation;
using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Passes.Recognition;

/// <summary>
/// Folds "binary layer → BatchNorm / per-channel affine → binarizer or quantizer" into one threshold per
/// channel and level on the layer's integer dot product (XNOR-Net α and bias absorbed), and likewise a
/// quantizer chain on the 8-bit image input into thresholds on pixel values.
/// <code>
/// before: d = binary_linear(x) α;  y = sign(bn(d))      after: d = binary_linear(x);  y = threshold(d, T[c])·2 − 1
/// </code>
/// Each threshold is the first integer whose float32 evaluation of the original chain reaches the level, so
/// the fold reproduces the float graph exactly on every reachable integer; a channel whose chain decreases
/// (γ &lt; 0) compares −d instead. Sign(0) = 0 yields a middle level, dropped where no integer reaches it.
/// </summary>
public sealed class FoldIntoIntegerThresholds : IIrPass
{
    public string Name => "fold-into-integer-thresholds";

    public bool Run(IrGraph graph)
    {
        var changed = false;
        var encodings = EncodingAnalysis.Compute(graph);
        foreach (var q in graph.Nodes.Where(IsQuantizer).ToList())
        {
            if (!graph.Contains(q))
            {
                continue;
            }

            var chain = ChannelChain.Collect(graph, q.Inputs[0], q);
            if (Domain.Find(graph, chain.Source, encodings, q, chain) is not { } domain)
            {
                continue;
            }

            var alreadyCanonical = chain.Steps.Count == 0 && !domain.AbsorbsAffine && q is ThresholdNode t0
                && t0.Thresholds.All(v => float.IsInfinity(v) || v == MathF.Floor(v)) && !t0.Strict;
            if (alreadyCanonical || (domain.IsFloatInput && chain.Steps.Count == 0 && q is ThresholdNode))
            {
                continue;
            }

            var folded = Fold(q, chain, domain);
            var removed = new List<IrNode>(chain.Steps) { q };
            var added = new List<IrNode> { folded };
            if (domain.AbsorbsAffine)
            {
                removed.Add(domain.Layer!);
                added.Add(domain.Layer!.With(null, null));
            }

            graph.Replace(removed, added);
            changed = true;

            // The fold keeps every value's numbers but may change what the analysis infers downstream.
            encodings = EncodingAnalysis.Compute(graph);
        }

        return changed;
    }

    private static bool IsQuantizer(IrNode node) => node is ThresholdNode or QuantNode or UnaryNode { Op: UnaryOp.Sign };

    private static ThresholdNode Fold(IrNode q, ChannelChain chain, Domain domain)
    {
        var (levels, outScale, outBias) = q switch
        {
            ThresholdNode t => (t.Levels, t.OutScale, t.OutBias),
            QuantNode n => (n.QMax - n.QMin, n.Scale, (n.QMin - n.ZeroPoint) * n.Scale),
            _ => (2, 1f, -1f),
        };
        var source = domain.Value;
        var channels = source.Shape.Rank >= 2 ? source.Shape[1] : 1;
        var thresholds = new float[channels * levels];
        var signs = new sbyte[channels];
        for (var c = 0; c < channels; c++)
        {
            var direction = chain.Direction(c) * domain.Direction(c);
            signs[c] = (sbyte)direction;
            for (var level = 1; level <= levels; level++)
            {
                var channel = c;
                thresholds[(c * levels) + level - 1] = domain.Threshold(c, level, direction, x => CodeOf(q, channel, chain.Evaluate(channel, x)));
            }
        }

        // Sign with no integer reaching zero: two levels collapse into a bipolar threshold.
        if (q is UnaryNode && Enumerable.Range(0, channels).All(c => thresholds[2 * c] == thresholds[(2 * c) + 1]))
        {
            thresholds = Enumerable.Range(0, channels).Select(c => thresholds[2 * c]).ToArray();
            (levels, outScale, outBias) = (1, 2f, -1f);
        }

        // Identical channels (e.g. one quantizer over a flattened image) share one row.
        if (channels > 1 && Enumerable.Range(1, channels - 1).All(c => signs[c] == signs[0]
            && thresholds.AsSpan(c * levels, levels).SequenceEqual(thresholds.AsSpan(0, levels))))
        {
            thresholds = thresholds[..levels];
            signs = [signs[0]];
        }

        var origin = string.Join(" + ", chain.Steps.Select(s => s.Origin).Append(q.Origin));
        return new ThresholdNode(q.Name, origin, source, q.Output, thresholds, levels,
            signs.All(s => s > 0) ? null : signs, false, outScale, outBias);
    }

    private static int CodeOf(IrNode q, int channel, float x) => q switch
    {
        ThresholdNode t => ActivationKernels.Code(t, channel, x),
        QuantNode n => (int)ActivationKernels.QuantLevel(n, x) - n.QMin,
        _ => x > 0 ? 2 : x < 0 ? 0 : 1,
    };
}
