using BnnCompiler.Core.Analysis;
using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Passes.Recognition;

/// <summary>
/// The integer domain a quantizer chain starts from: the dot product of a binary layer over integer-coded
/// inputs (optionally through max pooling or reshapes), or the pixel codes of the image input. Maps an
/// integer d to the float value the chain sees.
/// </summary>
internal sealed class Domain
{
    private Domain(IrValue value, int min, int max, BinaryLinearNode? layer, bool absorbsAffine, bool rawPixels, bool imageInput)
    {
        Value = value;
        Min = min;
        Max = max;
        Layer = layer;
        AbsorbsAffine = absorbsAffine;
        RawPixels = rawPixels;
        IsImageInput = imageInput;
    }

    /// <summary>The value the new threshold reads.</summary>
    public IrValue Value { get; }

    public int Min { get; }

    public int Max { get; }

    public BinaryLinearNode? Layer { get; }

    /// <summary>True when the layer's α and bias move into the thresholds.</summary>
    public bool AbsorbsAffine { get; }

    public bool IsImageInput { get; }

    private bool RawPixels { get; }

    public static Domain? Find(IrGraph graph, IrValue source, Dictionary<IrValue, ValueEncoding> encodings, IrNode q, ChannelChain chain)
    {
        var upstream = source;
        while (graph.Producer(upstream) is ReshapeNode or TransposeNode)
        {
            upstream = graph.Producer(upstream)!.Inputs[0];
        }

        if (graph.Inputs.Contains(upstream))
        {
            return new Domain(source, 0, 255, null, false, EncodingAnalysis.TakesRawPixels(graph), true);
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
        if (bound > 1 << 24)
        {
            return null;
        }

        return new Domain(source, -(int)bound, (int)bound, layer, affine, false, false);
    }

    /// <summary>The float value the chain receives for integer d in channel c.</summary>
    public float ValueOf(int channel, int d)
    {
        if (IsImageInput)
        {
            return EncodingAnalysis.InputValue(RawPixels, d);
        }

        if (!AbsorbsAffine)
        {
            return d;
        }

        float v = d;
        if (Layer!.Alpha is { } alpha)
        {
            v = alpha[channel] * v;
        }

        return Layer.Bias is { } bias ? v + bias[channel] : v;
    }

    /// <summary>Direction contributed by the source itself (a negative α reverses it).</summary>
    public int Direction(int channel) => AbsorbsAffine && Layer!.Alpha is { } alpha && alpha[channel] < 0 ? -1 : 1;

    /// <summary>
    /// The threshold stored for the first reaching e (= direction·d) in [lo, hi]; hi + 1 means never.
    /// Integer domains store e itself; the image input stores the pixel value, so raw input compares directly.
    /// </summary>
    public float ThresholdFor(int direction, int first, int lo, int hi)
    {
        if (!IsImageInput)
        {
            return first;
        }

        if (first > hi)
        {
            return float.PositiveInfinity;
        }

        return first <= lo ? float.NegativeInfinity : direction * EncodingAnalysis.InputValue(RawPixels, direction * first);
    }

    private static bool IsInteger(float v) => v == MathF.Round(v);
}
