using Onnx;
using DataType = Onnx.TensorProto.Types.DataType;

namespace BnnCompiler.Onnx.Checking;

/// <summary>
/// Follows element types through the graph (from initializers, graph inputs and value_info) and reports inputs
/// whose types disagree where the operator's schema ties them, inputs of a type the operator does not take, and
/// declared types that contradict the computed ones.
/// </summary>
internal static class ElementTypes
{
    private static readonly DataType[] Indices = [DataType.Int64];

    /// <summary>Inputs whose element type the schema fixes: (operator, input index) → allowed types.</summary>
    private static readonly Dictionary<(string, int), DataType[]> Fixed = new()
    {
        [("Reshape", 1)] = Indices,
        [("Unsqueeze", 1)] = Indices,
        [("Squeeze", 1)] = Indices,
        [("TopK", 1)] = Indices,
        [("ConstantOfShape", 0)] = Indices,
        [("Gather", 1)] = [DataType.Int32, DataType.Int64],
        [("Where", 0)] = [DataType.Bool],
        [("And", 0)] = [DataType.Bool],
        [("And", 1)] = [DataType.Bool],
        [("Or", 0)] = [DataType.Bool],
        [("Or", 1)] = [DataType.Bool],
        [("Not", 0)] = [DataType.Bool],
    };

    public static void Check(GraphProto graph, long opset, Action<NodeProto?, string> report)
    {
        var types = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in graph.Initializer)
        {
            types.TryAdd(t.Name, t.DataType);
        }

        foreach (var v in graph.Input.Concat(graph.ValueInfo).Concat(graph.Output))
        {
            if (v.Type?.TensorType is { ElemType: not 0 } tensor)
            {
                types.TryAdd(v.Name, tensor.ElemType);
            }
        }

        foreach (var node in graph.Node.Where(n => n.Domain is "" or "ai.onnx"))
        {
            if (OperatorSchemas.Find(node.OpType, opset) is not { } schema)
            {
                continue;
            }

            int? Of(int i) => i < node.Input.Count && types.TryGetValue(node.Input[i], out var t) ? t : null;
            for (var i = 0; i < node.Input.Count; i++)
            {
                if (Fixed.TryGetValue((node.OpType, i), out var allowed) && Of(i) is { } actual && !allowed.Contains((DataType)actual))
                {
                    report(node, $"input {i} ('{node.Input[i]}') is {TensorChecks.Name(actual)}; {node.OpType} takes {string.Join(" or ", allowed.Select(a => TensorChecks.Name((int)a)))} there");
                }
            }

            var tied = (schema.TiedInputs ?? Enumerable.Range(0, node.Input.Count).ToArray()).Where(i => i < node.Input.Count && node.Input[i].Length > 0).ToList();
            var known = tied.Where(i => Of(i) is not null).ToList();
            if (known.Select(i => Of(i)).Distinct().Count() > 1)
            {
                report(node, $"inputs {string.Join(", ", known.Select(i => $"'{node.Input[i]}' ({TensorChecks.Name(Of(i)!.Value)})"))} must have one element type (T of {node.OpType})");
            }

            var output = OutputType(node, schema, known.Count > 0 ? Of(known[0]) : null);
            for (var o = 0; o < node.Output.Count; o++)
            {
                var computed = o == 0 ? output : node.OpType == "TopK" ? (int)DataType.Int64 : (int?)null;
                if (computed is not { } c || node.Output[o].Length == 0)
                {
                    continue;
                }

                if (types.TryGetValue(node.Output[o], out var declared) && declared != c)
                {
                    report(node, $"output '{node.Output[o]}' is declared {TensorChecks.Name(declared)}, but {node.OpType} computes {TensorChecks.Name(c)}");
                }

                types[node.Output[o]] = c;
            }
        }
    }

    private static int? OutputType(NodeProto node, OperatorSchema schema, int? tied)
    {
        var attr = (string name) => node.Attribute.FirstOrDefault(a => a.Name == name);
        return node.OpType switch
        {
            "Cast" => attr("to") is { } to ? (int)to.I : null,
            "Shape" or "ArgMax" => (int)DataType.Int64,
            "Greater" or "Less" or "Equal" or "GreaterOrEqual" or "LessOrEqual" => (int)DataType.Bool,
            "ConstantOfShape" => attr("value")?.T?.DataType ?? (int)DataType.Float,
            "Constant" => attr("value")?.T?.DataType
                ?? ((attr("value_float") ?? attr("value_floats")) is not null ? (int)DataType.Float
                : (attr("value_int") ?? attr("value_ints")) is not null ? (int)DataType.Int64 : null),
            _ => schema.OutputTied ? tied : null,
        };
    }
}
