using BnnCompiler.Core.Analysis;
using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Core.Interpretation;

/// <summary>
/// Runs an IR graph on one sample. Binary layers are computed in integers (bit-packed XNOR-popcount
/// for exactly ±1 inputs); everything else in float32 with ONNX Runtime's operation order. Thread-safe:
/// one interpreter can serve several threads.
/// </summary>
public sealed class IrInterpreter
{
    private readonly IrGraph _graph;
    private readonly Dictionary<IrNode, Im2Col> _im2col = [];
    private readonly Dictionary<IrNode, ulong[]> _packed = [];
    private readonly Dictionary<IrNode, IBinaryLayerExecutor> _executors = [];

    /// <param name="graph">The canonical graph to run.</param>
    /// <param name="executorFor">Optional hardware model for binary layers; null (or a null result) keeps the exact kernel.</param>
    public IrInterpreter(IrGraph graph, Func<Ir.Nodes.BinaryLinearNode, IBinaryLayerExecutor?>? executorFor = null)
    {
        if (graph.Inputs.Count != 1 || graph.Outputs.Count < 1)
        {
            throw new ArgumentException("the interpreter runs graphs with one input");
        }

        _graph = graph;
        var encodings = EncodingAnalysis.Compute(graph);
        foreach (var node in graph.Nodes)
        {
            switch (node)
            {
                case BinaryLinearNode b when executorFor?.Invoke(b) is { } executor:
                    _executors[node] = executor;
                    break;
                case BinaryLinearNode b:
                    _im2col[node] = Im2Col.For(b.Layout);
                    if (encodings.GetValueOrDefault(b.Inputs[0]) == ValueEncoding.Bipolar)
                    {
                        _packed[node] = LinearKernels.PackSigns(b.Signs, b.Layout.Columns, b.Layout.Rows);
                    }

                    break;
                case FloatLinearNode f:
                    _im2col[node] = Im2Col.For(f.Layout);
                    break;
            }
        }
    }

    public IrGraph Graph => _graph;

    public int InputLength => _graph.Inputs[0].Shape.Count;

    /// <summary>Runs one sample; returns the first graph output (flattened).</summary>
    public float[] Run(ReadOnlySpan<float> input) => RunAll(input)[_graph.Outputs[0]];

    /// <summary>Runs one sample and returns every value computed (for layer-by-layer comparison).</summary>
    public Dictionary<IrValue, float[]> RunAll(ReadOnlySpan<float> input)
    {
        if (input.Length != InputLength)
        {
            throw new ArgumentException($"input has {input.Length} values; the graph takes {InputLength}");
        }

        var values = new Dictionary<IrValue, float[]> { [_graph.Inputs[0]] = input.ToArray() };
        foreach (var node in _graph.Nodes)
        {
            values[node.Output] = RunNode(node, values);
        }

        return values;
    }

    /// <summary>
    /// Evaluates one node of the graph on the values computed so far (its constant inputs come from the graph) and
    /// returns its output, for callers that walk the graph themselves (e.g. several simulators sharing a prefix).
    /// </summary>
    public float[] RunNode(IrNode node, IReadOnlyDictionary<IrValue, float[]> values)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(values);
        return Evaluate(node, node.Inputs.Select(v => v.Constant ?? values[v]).ToList());
    }

    private float[] Evaluate(IrNode node, IReadOnlyList<float[]> args)
    {
        switch (node)
        {
            case BinaryLinearNode b:
                {
                    var output = new float[b.Output.Shape.Count];
                    if (_executors.TryGetValue(node, out var executor))
                    {
                        executor.Execute(args[0], output);
                    }
                    else if (_packed.TryGetValue(node, out var packed))
                    {
                        LinearKernels.BipolarDot(args[0], _im2col[node], packed, b.Layout.Columns, output);
                    }
                    else
                    {
                        LinearKernels.SignedDot(args[0], _im2col[node], b.Signs, b.Layout.Columns, output);
                    }

                    LinearKernels.ScaleAndShift(output, b.Layout.Columns, b.Layout.OutputPixels, b.Alpha, b.Bias);
                    return output;
                }

            case FloatLinearNode f:
                {
                    var output = new float[f.Output.Shape.Count];
                    LinearKernels.FloatDot(args[0], _im2col[node], f.Weights, f.Bias, f.Layout.Columns, output);
                    return output;
                }

            default:
                return NodeEvaluator.Evaluate(node, args);
        }
    }
}
