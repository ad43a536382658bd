using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Core.Analysis;

/// <summary>
/// Finds which values carry discrete integer codes (binarizer and quantizer outputs, the image input) and
/// which are plain floats. Codes pass unchanged through reshape, transpose, max pooling and concatenation
/// of equally coded operands.
/// </summary>
public static class EncodingAnalysis
{
    /// <summary>The metadata key that states the graph input's range: "0-255" (raw pixels) or "0-1".</summary>
    public const string InputRangeKey = "bnnc.input_range";

    public static Dictionary<IrValue, ValueEncoding> Compute(IrGraph graph)
    {
        var map = new Dictionary<IrValue, ValueEncoding>();
        var input = InputEncoding(graph);
        foreach (var v in graph.Inputs)
        {
            map[v] = input;
        }

        foreach (var node in graph.Nodes)
        {
            var encoding = node switch
            {
                ThresholdNode t => new ValueEncoding(t.Levels + 1, t.OutScale, t.OutBias),
                QuantNode q => new ValueEncoding(q.QMax - q.QMin + 1, q.Scale, (q.QMin - q.ZeroPoint) * q.Scale),
                ReshapeNode or TransposeNode => map.GetValueOrDefault(node.Inputs[0]),
                PoolNode { Kind: PoolKind.Max } => map.GetValueOrDefault(node.Inputs[0]),
                UnaryNode { Op: UnaryOp.Identity } => map.GetValueOrDefault(node.Inputs[0]),
                ConcatNode c => Common(c.Inputs.Select(map.GetValueOrDefault).ToList()),
                _ => null,
            };
            if (encoding is not null)
            {
                map[node.Output] = encoding;
            }
        }

        return map;
    }

    /// <summary>
    /// The metadata key that sets the divisor of the image input: the graph input receives pixel / scale (e.g. 255 for
    /// 0..1 inputs, 1 for raw pixels). It overrides <see cref="InputRangeKey"/>; <c>--input-scale</c> sets it.
    /// </summary>
    public const string InputScaleKey = "bnnc.input_scale";

    /// <summary>The image input's code: 8-bit pixels divided by <see cref="InputScale"/>.</summary>
    public static ValueEncoding InputEncoding(IrGraph graph) => new(256, 1f / InputScale(graph), 0f);

    /// <summary>
    /// The float value fed to the graph input for pixel code <paramref name="code"/> (0..255): code / scale, one
    /// float32 division (the code itself for scale 1). Datasets feed inputs through this.
    /// </summary>
    public static float InputValue(float scale, int code) => code / scale;

    /// <summary>
    /// What the graph input receives is pixel / this: <see cref="InputScaleKey"/> when set, else 1 for a model whose
    /// <see cref="InputRangeKey"/> is <c>0-255</c>, else 255 (inputs in 0..1).
    /// </summary>
    public static float InputScale(IrGraph graph) => InputScaleSource(graph).Scale;

    /// <summary>The input scale and where it comes from, in words for reports.</summary>
    public static (float Scale, string Source) InputScaleSource(IrGraph graph)
    {
        if (graph.Metadata.TryGetValue(InputScaleKey, out var text)
            && float.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var scale)
            && float.IsFinite(scale) && scale > 0)
        {
            return (scale, "--input-scale");
        }

        return TakesRawPixels(graph)
            ? (1f, $"default: the model's metadata {InputRangeKey} is 0-255")
            : (255f, $"default: the model does not state {InputRangeKey} = 0-255, so inputs are taken in 0..1");
    }

    /// <summary>One line for reports: the scaling applied to the pixels and how it was chosen.</summary>
    public static string DescribeInputScale(IrGraph graph)
    {
        var (scale, source) = InputScaleSource(graph);
        var shown = scale.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        return scale == 1f ? $"raw pixels 0..255 (pixel / 1; {source})" : $"pixel / {shown} ({source})";
    }

    /// <summary>True when the model's metadata states that its input takes raw 0..255 pixel values.</summary>
    public static bool TakesRawPixels(IrGraph graph) =>
        graph.Metadata.TryGetValue(InputRangeKey, out var range) && range.Trim() == "0-255";

    private static ValueEncoding? Common(IReadOnlyList<ValueEncoding?> encodings) =>
        encodings.Count > 0 && encodings.All(e => e is not null && e == encodings[0]) ? encodings[0] : null;
}
