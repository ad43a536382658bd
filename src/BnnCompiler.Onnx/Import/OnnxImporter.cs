using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Core.Ir;
using BnnCompiler.Onnx.Checking;
using Onnx;
using QuikGraph;
using QuikGraph.Algorithms;

namespace BnnCompiler.Onnx.Import;

/// <summary>
/// Translates an ONNX model into the IR graph: initializers become constants (also those listed as graph
/// inputs), shapes are inferred statically from the input shape, constant subgraphs are folded, and every
/// operator is translated by its entry in <see cref="OpRegistry"/>. Problems become diagnostics that name
/// the file and the node.
/// </summary>
public static class OnnxImporter
{
    public static IrGraph Import(ModelProto model, string fileName) => Import(model, fileName, ModelLimits.Default, out _, out _);

    /// <summary>
    /// Imports a model <see cref="OnnxChecker"/> accepted, and also returns the static shape of every ONNX value
    /// (for the reference lowering) and the warnings raised.
    /// </summary>
    public static IrGraph Import(ModelProto model, string fileName, ModelLimits limits,
        out IReadOnlyDictionary<string, TensorShape> valueShapes, out IReadOnlyList<Diagnostic> warnings)
    {
        var graph = model.Graph;
        var opset = model.OpsetImport.FirstOrDefault(o => o.Domain is "" or "ai.onnx")?.Version ?? 9;
        var ctx = new ImportContext(fileName, opset, limits);
        var location = new SourceLocation(fileName);
        foreach (var tensor in graph.Initializer)
        {
            try
            {
                var (shape, data) = TensorData.Decode(tensor);
                ParameterChecks.RequireFinite(fileName, tensor.Name, data);
                ctx.Bind(tensor.Name, new IrValue(tensor.Name, shape, data));
            }
            catch (Exception e) when (e is InvalidDataException or OverflowException or ShapeException)
            {
                throw new DiagnosticException(Diagnostic.Error("BNN3003", $"initializer '{tensor.Name}' cannot be read: {e.Message}", location));
            }
        }

        var inputs = new List<IrValue>();
        foreach (var input in graph.Input.Where(i => !ctx.TryGet(i.Name, out _)))
        {
            var value = new IrValue(input.Name, InputShape(input, location));
            ctx.Bind(input.Name, value);
            inputs.Add(value);
        }

        if (inputs.Count != 1)
        {
            throw new DiagnosticException(Diagnostic.Error("BNN3010",
                $"the model has {inputs.Count} run-time inputs ({string.Join(", ", inputs.Select(i => i.Name))}); supported: exactly one image input",
                location));
        }

        foreach (var node in Order(graph, location))
        {
            ctx.Node = node;
            var translate = OpRegistry.Find(node.Domain, node.OpType) ?? throw Unsupported(ctx);
            try
            {
                translate(ctx);
            }
            catch (ShapeException e)
            {
                throw ctx.Error("BNN3009", e.Message);
            }
            catch (InvalidDataException e)
            {
                throw ctx.Error("BNN3003", e.Message);
            }
        }

        if (ctx.Decision is { } decision && graph.Node.FirstOrDefault(n => n.Input.Contains(decision.Output)) is { } reader)
        {
            throw new DiagnosticException(Diagnostic.Error("BNN3011",
                $"the decision index '{decision.Output}' of {decision.Node} is read by {OnnxChecker.Label(reader)}; supported: the decision as the graph's output",
                location with { Detail = OnnxChecker.Label(reader) }));
        }

        var outputs = graph.Output.Select(o => ctx.TryGet(o.Name, out var v) && !v.IsConstant
            ? v
            : throw new DiagnosticException(Diagnostic.Error("BNN3006", $"graph output '{o.Name}' is not computed from the input", location))).ToList();
        warnings = ctx.Warnings;
        valueShapes = ctx.Values.ToDictionary(kv => kv.Key, kv => kv.Value.Shape, StringComparer.Ordinal);
        var metadata = model.MetadataProps.ToDictionary(p => p.Key, p => p.Value);
        return new IrGraph(graph.Name, inputs, outputs, ctx.Nodes, metadata) { Decision = ctx.Decision?.Node };
    }

    private static DiagnosticException Unsupported(ImportContext ctx)
    {
        var domain = ctx.Node.Domain;
        if (domain is "" or "ai.onnx")
        {
            return ctx.Error("BNN3008", $"operator {ctx.Node.OpType} is not supported; supported: {string.Join(", ", OpRegistry.StandardOps)}");
        }

        if (OpRegistry.IsCustomDomain(domain))
        {
            return ctx.Error("BNN3008", $"operator {domain}.{ctx.Node.OpType} is not supported; supported in this domain: {string.Join(", ", OpRegistry.CustomOps)}");
        }

        var known = string.Join(", ", OpRegistry.QonnxDomains.Concat(OpRegistry.FinnDomains));
        return ctx.Error("BNN3012", $"domain '{domain}' is not a recognised BNN dialect; recognised custom domains: {known}");
    }

    private static TensorShape InputShape(ValueInfoProto input, SourceLocation location)
    {
        var dims = input.Type?.TensorType?.Shape?.Dim;
        if (dims is null || dims.Count == 0)
        {
            throw new DiagnosticException(Diagnostic.Error("BNN3010", $"input '{input.Name}' has no shape; a static input shape is required", location));
        }

        var shape = new int[dims.Count];
        for (var i = 0; i < dims.Count; i++)
        {
            var d = dims[i];
            if (d.DimValue > 0)
            {
                shape[i] = (int)d.DimValue;
            }
            else if (i == 0)
            {
                shape[i] = 1;
            }
            else
            {
                throw new DiagnosticException(Diagnostic.Error("BNN3010",
                    $"input '{input.Name}' has a dynamic dimension '{d.DimParam}' at axis {i}; only the batch axis may be dynamic", location));
            }
        }

        if (shape[0] != 1)
        {
            throw new DiagnosticException(Diagnostic.Error("BNN3010", $"input '{input.Name}' has batch size {shape[0]}; supported: batch size 1 (or dynamic)", location));
        }

        return new TensorShape(shape);
    }

    /// <summary>Topological order of the nodes; a cycle is reported with one of its nodes.</summary>
    private static List<NodeProto> Order(GraphProto graph, SourceLocation location)
    {
        var producer = new Dictionary<string, NodeProto>(StringComparer.Ordinal);
        foreach (var node in graph.Node)
        {
            foreach (var o in node.Output.Where(o => o.Length > 0))
            {
                producer[o] = node;
            }
        }

        var dag = new AdjacencyGraph<NodeProto, Edge<NodeProto>>();
        dag.AddVertexRange(graph.Node);
        foreach (var node in graph.Node)
        {
            foreach (var i in node.Input.Where(i => i.Length > 0))
            {
                if (producer.TryGetValue(i, out var p))
                {
                    dag.AddEdge(new Edge<NodeProto>(p, node));
                }
            }
        }

        if (!dag.IsDirectedAcyclicGraph())
        {
            var components = new Dictionary<NodeProto, int>();
            dag.StronglyConnectedComponents(components);
            var cyclic = components.GroupBy(kv => kv.Value).Where(g => g.Count() > 1).SelectMany(g => g.Select(kv => kv.Key))
                .Concat(dag.Edges.Where(e => e.Source == e.Target).Select(e => e.Source)).First();
            throw new DiagnosticException(Diagnostic.Error("BNN3007",
                "the graph has a cycle; ONNX graphs must be acyclic",
                location with { Detail = $"node '{cyclic.Name}' ({cyclic.OpType})" }));
        }

        return dag.TopologicalSort().ToList();
    }
}
