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

    /// <summary>The image input's code: 8-bit pixels, as raw values (0-255) or divided by 255 (0-1, the default).</summary>
    public static ValueEncoding InputEncoding(IrGraph graph) =>
        graph.Metadata.TryGetValue(InputRangeKey, out var range) && range.Trim() == "0-255"
            ? new ValueEncoding(256, 1f, 0f)
            : new ValueEncoding(256, 1f / 255f, 0f);

    /// <summary>
    /// The float value fed to the graph input for pixel code <paramref name="code"/> (0..255): the code itself
    /// for raw-pixel models, code / 255 (one float32 division) otherwise. Datasets feed inputs through this.
    /// </summary>
    public static float InputValue(bool rawPixels, int code) => rawPixels ? code : code / 255f;

    /// <summary>True when the graph's input takes raw 0..255 pixel values.</summary>
    public static bool TakesRawPixels(IrGraph graph) =>
        graph.Metadata.TryGetValue(InputRangeKey, out var range) && range.Trim() == "0-255";

    private static ValueEncoding? Common(IReadOnlyList<ValueEncoding?> encodings) =>
        encodings.Count > 0 && encodings.All(e => e is not null && e == encodings[0]) ? encodings[0] : null;
}
