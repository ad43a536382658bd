using BnnCompiler.Core.Ir;
using BnnCompiler.Onnx.Import;
using Google.Protobuf;
using Onnx;

namespace BnnCompiler.Onnx.Reference;

/// <summary>
/// Rewrites the QONNX and FINN custom operators of a model into standard ONNX so that ONNX Runtime can run
/// it as the reference:
/// <code>
/// BipolarQuant(x, s)            →  Where(Less(x, 0), −s, s)
/// Quant(x, s, z, n) (n-bit)     →  Mul(Sub(Clip(Round(Add(Div(x, s), z)), qmin, qmax), z), s)
/// MultiThreshold(x, T)          →  Add(Mul(ReduceSum(Cast(Not(Less(Unsqueeze(x, −1), T'))), −1), out_scale), out_bias)
/// </code>
/// Initializers also listed as graph inputs are removed from the inputs, and the custom domains' opset
/// imports are dropped. The default opset is raised to 11 where Round and Clip-with-inputs need it.
/// </summary>
public static class CustomOpLowering
{
    public static ModelProto Lower(ModelProto original, IReadOnlyDictionary<string, TensorShape>? valueShapes = null)
    {
        var model = original.Clone();
        var graph = model.Graph;
        var initializers = graph.Initializer.Select(t => t.Name).ToHashSet();
        var inputs = graph.Input.Where(i => !initializers.Contains(i.Name)).ToList();
        graph.Input.Clear();
        graph.Input.AddRange(inputs);

        var opsetImport = model.OpsetImport.FirstOrDefault(o => o.Domain is "" or "ai.onnx");
        if (opsetImport is null)
        {
            opsetImport = new OperatorSetIdProto { Domain = "", Version = 11 };
            model.OpsetImport.Add(opsetImport);
        }

        var needsRound = graph.Node.Any(n => OpRegistry.IsCustomDomain(n.Domain) && n.OpType == "Quant");
        if (needsRound && opsetImport.Version < 11)
        {
            opsetImport.Version = 11;
        }

        var writer = new LoweringWriter(graph, opsetImport.Version, valueShapes);
        var lowered = new List<NodeProto>();
        foreach (var node in graph.Node)
        {
            if (!OpRegistry.IsCustomDomain(node.Domain))
            {
                lowered.Add(node);
                continue;
            }

            writer.Begin(node);
            switch (node.OpType)
            {
                case "BipolarQuant":
                    writer.Bipolar(node.Input[0], node.Input[1], node.Output[0]);
                    break;
                case "Quant":
                    writer.Quant(node);
                    break;
                case "MultiThreshold":
                    writer.MultiThreshold(node);
                    break;
                default:
                    throw new InvalidOperationException($"no lowering for {node.Domain}.{node.OpType}");
            }

            lowered.AddRange(writer.Emitted);
        }

        graph.Node.Clear();
        graph.Node.AddRange(lowered);
        var custom = model.OpsetImport.Where(o => OpRegistry.IsCustomDomain(o.Domain)).ToList();
        foreach (var o in custom)
        {
            model.OpsetImport.Remove(o);
        }

        return model;
    }

    /// <summary>Lowers and serializes, ready for an ONNX Runtime session.</summary>
    public static byte[] LowerToBytes(ModelProto model, IReadOnlyDictionary<string, TensorShape>? valueShapes = null) =>
        Lower(model, valueShapes).ToByteArray();

    /// <summary>Lowers an imported model, using the importer's static shapes where a lowering needs a rank.</summary>
    public static byte[] LowerToBytes(ImportedModel model) => LowerToBytes(model.Onnx, model.ValueShapes);
}
