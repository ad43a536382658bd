using Onnx;

namespace BnnCompiler.Onnx.Import;

/// <summary>
/// Names the exporter dialect(s) of a model from its operators: QONNX (BipolarQuant/Quant in the Brevitas
/// or QONNX domains), FINN (MultiThreshold, finn_datatype annotations), Larq via tf2onnx
/// (Sign → Add → Sign), plain PyTorch (Sign, or Where/Cast over a ≥ comparison, with ±1 weights).
/// </summary>
public static class DialectDetector
{
    public static string Detect(ModelProto model)
    {
        var nodes = model.Graph.Node;
        var found = new List<string>();
        var qonnx = nodes.Where(n => OpRegistry.QonnxDomains.Contains(n.Domain)).Select(n => n.Domain).Distinct().ToList();
        if (qonnx.Count > 0)
        {
            found.Add($"QONNX ({string.Join(", ", qonnx)})");
        }

        var finnAnnotated = model.Graph.QuantizationAnnotation.Any(a => a.QuantParameterTensorNames.Any(p => p.Key == "finn_datatype"));
        if (nodes.Any(n => OpRegistry.FinnDomains.Contains(n.Domain)) || finnAnnotated)
        {
            found.Add("FINN-ONNX");
        }

        var producers = nodes.SelectMany(n => n.Output.Select(o => (o, n))).GroupBy(p => p.o).ToDictionary(g => g.Key, g => g.First().n);
        NodeProto? From(string value) => producers.GetValueOrDefault(value);
        var larq = nodes.Any(n => n.OpType == "Sign" && From(n.Input[0]) is { OpType: "Add" } add
            && add.Input.Any(i => From(i) is { OpType: "Sign" }));
        if (larq || model.ProducerName.Contains("tf2onnx", StringComparison.OrdinalIgnoreCase))
        {
            found.Add("Larq (tf2onnx)");
        }

        var straightThrough = nodes.Any(n => n.OpType is "Where" or "Cast" && From(n.Input[0]) is { OpType: "GreaterOrEqual" or "Greater" or "Less" or "LessOrEqual" });
        if (!larq && (straightThrough || nodes.Any(n => n.OpType == "Sign" && n.Domain is "" or "ai.onnx")))
        {
            found.Add("PyTorch (plain ONNX)");
        }

        return found.Count == 0 ? "plain ONNX" : string.Join(" + ", found);
    }
}
