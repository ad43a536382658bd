using BnnCompiler.Core.Analysis;
using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Passes.Recognition;

/// <summary>
/// The ordered domain a quantizer chain starts from, searched for each threshold: the integer dot product
/// of a binary layer over integer-coded inputs (optionally through max pooling or reshapes), or every
/// float32 value of the graph input (searched in the order of their bit patterns, so the thresholds hold
/// for any input, not only for pixel codes).
/// </summary>
internal sealed class Domain
{
    private static readonly long NegativeInfinityKey = Key(float.NegativeInfinity);
    private static readonly long PositiveInfinityKey = Key(float.PositiveInfinity);

    private Domain(IrValue value, long min, long max, BinaryLinearNode? layer, bool absorbsAffine, bool floatInput)
    {
        Value = value;
        Min = min;
        Max = max;
        Layer = layer;
        AbsorbsAffine = absorbsAffine;
        IsFloatInput = floatInput;
    }

    /// <summary>The value the new threshold reads.</summary>
    public IrValue Value { get; }

    public BinaryLinearNode? Layer { get; }

    /// <summary>True when the layer's α and bias move into the thresholds.</summary>
    public bool AbsorbsAffine { get; }

    /// <summary>True when the chain starts at the graph input (float values, not integers).</summary>
    public bool IsFloatInput { get; }

    private long Min { get; }

    private long Max { get; }

    public static Domain? Find(IrGraph graph, IrValue source, Dictionary<IrValue, ValueEncoding> encodings, IrNode q, ChannelChain chain)
    {
        var upstream = source;
        while (graph.Producer(upstream) is ReshapeNode or TransposeNode)
        {
            upstream = graph.Producer(upstream)!.Inputs[0];
        }

        if (graph.Inputs.Contains(upstream))
        {
            return new Domain(source, NegativeInfinityKey, PositiveInfinityKey, null, false, true);
        }

        var value = source;
        var passedThrough = false;
        while (graph.Producer(value) is PoolNode { Kind: PoolKind.Max } or ReshapeNode)
        {
            value = graph.Producer(value)!.Inputs[0];
            passedThrough = true;
        }

        if (graph.Producer(value) is not BinaryLinearNode layer
            || encodings.GetValueOrDefault(layer.Inputs[0]) is not { } input
            || !IsInteger(input.Scale) || !IsInteger(input.Offset))
        {
            return null;
        }

        var affine = layer.Alpha is not null || layer.Bias is not null;
        var consumer = chain.Steps.Count > 0 ? chain.Steps[0] : q;
        if (affine && (passedThrough || graph.HasOtherUses(source, consumer)))
        {
            return null;
        }

        var maxAbs = Math.Max(Math.Abs(input.Offset), Math.Abs(input.Offset + (input.Scale * (input.Levels - 1))));
        var bound = (long)layer.Layout.Rows * (long)maxAbs;
        return bound > 1 << 24 ? null : new Domain(source, -bound, bound, layer, affine, false);
    }

    /// <summary>Direction contributed by the source itself (a negative α reverses it).</summary>
    public int Direction(int channel) => AbsorbsAffine && Layer!.Alpha is { } alpha && alpha[channel] < 0 ? -1 : 1;

    /// <summary>
    /// The threshold T for one level: with direction +1 the new node tests x ≥ T, with −1 it tests −x ≥ T.
    /// <paramref name="codeOf"/> gives the quantizer's code for a float value the chain receives.
    /// </summary>
    public float Threshold(int channel, int level, int direction, Func<float, int> codeOf)
    {
        if (IsFloatInput)
        {
            if (direction > 0)
            {
                var first = Search(Min, Max, k => codeOf(FromKey(k)) >= level, findFirst: true);
                return first is null ? float.PositiveInfinity : first == Min ? float.NegativeInfinity : FromKey(first.Value);
            }

            var last = Search(Min, Max, k => codeOf(FromKey(k)) >= level, findFirst: false);
            return last is null ? float.PositiveInfinity : last == Max ? float.NegativeInfinity : -FromKey(last.Value);
        }

        // Integers: e = direction·d is searched upwards; the node compares direction·d ≥ T.
        var (lo, hi) = direction > 0 ? (Min, Max) : (-Max, -Min);
        var e = Search(lo, hi, k => codeOf(ValueOf(channel, direction * k)) >= level, findFirst: true);
        return e ?? (hi + 1);
    }

    private float ValueOf(int channel, long d)
    {
        float v = d;
        if (!AbsorbsAffine)
        {
            return v;
        }

        if (Layer!.Alpha is { } alpha)
        {
            v = alpha[channel] * v;
        }

        return Layer.Bias is { } bias ? v + bias[channel] : v;
    }

    /// <summary>
    /// Binary search on a monotone predicate: the first k where it holds (it holds from there on), or the
    /// last k where it holds (it holds up to there); null when it never holds.
    /// </summary>
    private static long? Search(long lo, long hi, Func<long, bool> holds, bool findFirst)
    {
        long? found = null;
        var (a, b) = (lo, hi);
        while (a <= b)
        {
            var mid = a + ((b - a) / 2);
            if (holds(mid))
            {
                found = mid;
                if (findFirst)
                {
                    b = mid - 1;
                }
                else
                {
                    a = mid + 1;
                }
            }
            else if (findFirst)
            {
                a = mid + 1;
            }
            else
            {
                b = mid - 1;
            }
        }

        return found;
    }

    /// <summary>An integer key whose order is the order of float values (−0 just below +0).</summary>
    private static long Key(float value)
    {
        var bits = BitConverter.SingleToInt32Bits(value);
        return bits >= 0 ? bits : -(long)(bits & 0x7FFFFFFF) - 1;
    }

    private static float FromKey(long key) =>
        key >= 0 ? BitConverter.Int32BitsToSingle((int)key) : BitConverter.Int32BitsToSingle((int)((-key - 1) | 0x80000000));

    private static bool IsInteger(float v) => v == MathF.Round(v);
}
