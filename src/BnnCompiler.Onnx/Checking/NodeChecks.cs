using Onnx;
using AttrType = Onnx.AttributeProto.Types.AttributeType;

namespace BnnCompiler.Onnx.Checking;

/// <summary>
/// Checks one node against its operator's schema at the model's opset: the operator exists there, the inputs
/// and outputs are as many as it takes (required ones not empty), and its attributes are defined by it, given
/// once, of the declared type, with required ones present; tensors held in attributes are checked like
/// initializers. Nodes of custom domains only have their attribute tensors checked.
/// </summary>
internal static class NodeChecks
{
    public static void Check(NodeProto node, long opset, ModelLimits limits, Action<string, string> report)
    {
        foreach (var a in node.Attribute.Where(a => a.T is not null))
        {
            foreach (var (code, problem) in TensorChecks.Problems(a.T, limits))
            {
                report(code, $"attribute '{a.Name}' holds a tensor that {problem}");
            }
        }

        if (node.Domain is not ("" or "ai.onnx"))
        {
            return;
        }

        var schema = OperatorSchemas.Find(node.OpType, opset);
        if (schema is null)
        {
            if (OperatorSchemas.FirstVersion(node.OpType) is { } first)
            {
                report(CheckCodes.OperatorVersion, $"operator {node.OpType} is defined from opset {first}; the model imports opset {opset}");
            }

            return; // an operator the importer does not know is reported by the importer, with the supported list
        }

        Arity(node, schema, report);
        Attributes(node, schema, report);
    }

    private static void Arity(NodeProto node, OperatorSchema schema, Action<string, string> report)
    {
        foreach (var (what, given, min, max) in new[]
        {
            ("inputs", node.Input, schema.MinInputs, schema.MaxInputs),
            ("outputs", node.Output, schema.MinOutputs, schema.MaxOutputs),
        })
        {
            if (given.Count < min || given.Count > max)
            {
                var allowed = min == max ? $"{min}" : max == int.MaxValue ? $"{min} or more" : $"{min} to {max}";
                report(CheckCodes.Arity, $"{node.OpType} (opset {schema.SinceVersion}) takes {allowed} {what}; this node has {given.Count}");
                continue;
            }

            var missing = Enumerable.Range(0, Math.Min(min, given.Count)).FirstOrDefault(i => given[i].Length == 0, -1);
            if (missing >= 0)
            {
                report(CheckCodes.Arity, $"{what[..^1]} {missing} of {node.OpType} is required but empty");
            }
        }
    }

    private static void Attributes(NodeProto node, OperatorSchema schema, Action<string, string> report)
    {
        foreach (var group in node.Attribute.GroupBy(a => a.Name).Where(g => g.Count() > 1))
        {
            report(CheckCodes.Attribute, $"attribute '{group.Key}' is given {group.Count()} times");
        }

        foreach (var a in node.Attribute)
        {
            if (!schema.Attributes.TryGetValue(a.Name, out var type))
            {
                var known = schema.Attributes.Count == 0 ? "none" : string.Join(", ", schema.Attributes.Keys.Order(StringComparer.Ordinal));
                report(CheckCodes.Attribute, $"{node.OpType} at opset {schema.SinceVersion}+ has no attribute '{a.Name}'; its attributes: {known}");
            }
            else if (a.Type != AttrType.Undefined && a.Type != type)
            {
                report(CheckCodes.Attribute, $"attribute '{a.Name}' is {Name(a.Type)}; {node.OpType} defines it as {Name(type)}");
            }
        }

        foreach (var name in schema.RequiredAttributes.Where(r => node.Attribute.All(a => a.Name != r)))
        {
            report(CheckCodes.Attribute, $"{node.OpType} requires attribute '{name}' ({Name(schema.Attributes[name])})");
        }

        if (node.OpType == "Constant" && node.Attribute.Count != 1)
        {
            report(CheckCodes.Attribute, $"Constant takes exactly one value attribute; this node has {node.Attribute.Count}");
        }

        if (node.OpType == "Cast" && node.Attribute.FirstOrDefault(a => a.Name == "to") is { } to && !TensorChecks.IsKnown((int)Math.Clamp(to.I, 0, int.MaxValue)))
        {
            report(CheckCodes.Attribute, $"attribute 'to' is {to.I}, which is not an ONNX element type");
        }
    }

    private static string Name(AttrType type) => type switch
    {
        AttrType.Int => "an int",
        AttrType.Float => "a float",
        AttrType.String => "a string",
        AttrType.Tensor => "a tensor",
        AttrType.Ints => "a list of ints",
        AttrType.Floats => "a list of floats",
        AttrType.Strings => "a list of strings",
        AttrType.SparseTensor => "a sparse tensor",
        AttrType.Graph => "a graph",
        _ => type.ToString().ToLowerInvariant(),
    };
}
