using BnnCompiler.Core.Diagnostics;
using Onnx;

namespace BnnCompiler.Onnx.Checking;

/// <summary>
/// Checks a decoded ONNX model before any tensor is materialised, in the spirit of ONNX's own checker: IR and
/// opset versions in the supported range, unique names, every tensor's type, dimensions (checked 64-bit element
/// counts against <see cref="ModelLimits"/>) and data length, every standard node's arity and attributes
/// against its operator's schema at the model's opset, and element types where the schema ties them.
/// </summary>
/// <remarks>Before: a <see cref="ModelProto"/> as protobuf decoded it. After: either unchanged, or a
/// <see cref="DiagnosticException"/> naming the file, the node or tensor and the rule (at most
/// <see cref="MaxReported"/> problems, then a count of the rest).</remarks>
public static class OnnxChecker
{
    public const long MinIrVersion = 3;

    /// <summary>Newest IR version ONNX Runtime reads.</summary>
    public const long MaxIrVersion = 10;

    public const int MaxReported = 20;

    public static void Check(ModelProto model, string fileName, ModelLimits limits)
    {
        var problems = new List<Diagnostic>();
        void Report(string code, string message, string? detail = null) =>
            problems.Add(Diagnostic.Error(code, message, new SourceLocation(fileName, Detail: detail)));

        if (model.IrVersion < MinIrVersion || model.IrVersion > MaxIrVersion)
        {
            Report(CheckCodes.Version, $"ONNX IR version {model.IrVersion} is not supported; supported: IR versions {MinIrVersion} to {MaxIrVersion}");
        }

        foreach (var group in model.OpsetImport.GroupBy(o => o.Domain is "ai.onnx" ? string.Empty : o.Domain).Where(g => g.Count() > 1))
        {
            Report(CheckCodes.Version, $"opset_import names domain '{group.Key}' {group.Count()} times; each domain is imported once");
        }

        var opset = model.OpsetImport.FirstOrDefault(o => o.Domain is "" or "ai.onnx")?.Version ?? 0;
        if (opset < OperatorSchemas.MinOpset || opset > OperatorSchemas.MaxOpset)
        {
            Report(CheckCodes.Version, $"default-domain opset {opset} is not supported; supported: opsets {OperatorSchemas.MinOpset} to {OperatorSchemas.MaxOpset}");
        }

        var graph = model.Graph;
        CheckTensors(graph, fileName, limits, Report);
        CheckValues(graph, limits, Report);
        CheckNames(graph, Report);
        if (opset is >= OperatorSchemas.MinOpset and <= OperatorSchemas.MaxOpset)
        {
            foreach (var node in graph.Node)
            {
                NodeChecks.Check(node, opset, limits, (code, message) => Report(code, message, Label(node)));
            }

            ElementTypes.Check(graph, opset, (node, message) => Report(CheckCodes.ElementType, message, node is null ? null : Label(node)));
        }

        if (problems.Count > MaxReported)
        {
            var rest = problems.Count - MaxReported;
            problems = [.. problems.Take(MaxReported), Diagnostic.Error(problems[MaxReported].Code, $"and {rest} more problems", new SourceLocation(fileName))];
        }

        if (problems.Count > 0)
        {
            throw new DiagnosticException(problems);
        }
    }

    public static string Label(NodeProto node) =>
        $"node '{(node.Name.Length > 0 ? node.Name : node.Output.FirstOrDefault() ?? "?")}' ({node.OpType})";

    private static void CheckTensors(GraphProto graph, string fileName, ModelLimits limits, Action<string, string, string?> report)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(fileName)) ?? ".";
        foreach (var tensor in graph.Initializer.Concat(graph.SparseInitializer.Select(s => s.Values).Where(v => v is not null)))
        {
            var detail = $"initializer '{tensor.Name}'";
            foreach (var (code, problem) in TensorChecks.Problems(tensor, limits))
            {
                report(code, $"tensor '{tensor.Name}' {problem}", detail);
            }

            if (tensor.DataLocation == TensorProto.Types.DataLocation.External || tensor.ExternalData.Count > 0)
            {
                var location = tensor.ExternalData.FirstOrDefault(e => e.Key == "location")?.Value ?? string.Empty;
                var target = Path.GetFullPath(Path.Combine(folder, location));
                var outside = Path.IsPathRooted(location) || !target.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
                report("BNN3004", outside
                    ? $"initializer '{tensor.Name}' keeps its data in '{location}', outside the model's folder; external data is not supported: save the model with all tensors inside the .onnx file"
                    : $"initializer '{tensor.Name}' keeps its data in an external file; external data is not supported: save the model with all tensors inside the .onnx file", detail);
            }
        }
    }

    private static void CheckValues(GraphProto graph, ModelLimits limits, Action<string, string, string?> report)
    {
        foreach (var (kind, values) in new[] { ("input", graph.Input), ("output", graph.Output), ("value_info", graph.ValueInfo) })
        {
            foreach (var v in values)
            {
                var detail = $"graph {kind} '{v.Name}'";
                if (v.Type?.TensorType is not { } tensor)
                {
                    continue;
                }

                if (tensor.ElemType != 0 && !TensorChecks.IsKnown(tensor.ElemType))
                {
                    report(CheckCodes.Tensor, $"'{v.Name}' has element type {tensor.ElemType}, which is not an ONNX element type", detail);
                }

                var dims = tensor.Shape?.Dim.Where(d => d.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue).Select(d => d.DimValue).ToList() ?? [];
                if (dims.FirstOrDefault(d => d > int.MaxValue) is var huge and > 0)
                {
                    report(CheckCodes.Tensor, $"'{v.Name}' has dimension {huge:N0}; a dimension is at most {int.MaxValue:N0}", detail);
                }
                else if (TensorChecks.ElementCount(dims, limits.MaxElements, out var problem) is null)
                {
                    report(CheckCodes.Tensor, $"'{v.Name}' {problem}", detail);
                }
            }
        }
    }

    private static void CheckNames(GraphProto graph, Action<string, string, string?> report)
    {
        foreach (var name in graph.Initializer.GroupBy(t => t.Name).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            report(CheckCodes.DuplicateName, $"initializer '{name}' is defined more than once; names must be unique", $"initializer '{name}'");
        }

        var defined = new HashSet<string>(graph.Initializer.Select(t => t.Name).Concat(graph.Input.Select(i => i.Name)), StringComparer.Ordinal);
        foreach (var node in graph.Node)
        {
            foreach (var output in node.Output.Where(o => o.Length > 0))
            {
                if (!defined.Add(output))
                {
                    report(CheckCodes.DuplicateName, $"output '{output}' is already defined by a graph input, an initializer or another node; every value has one producer", Label(node));
                }
            }
        }
    }
}
