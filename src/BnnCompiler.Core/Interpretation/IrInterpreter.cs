using BnnCompiler.Core.Analysis;
using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Core.Interpretation;

/// <summary>
/// Runs an IR graph on one sample. Binary layers are computed in integers (bit-packed XNOR-popcount
/// for exactly ±1 inputs); everything else in float32 with ONNX Runtime's operation order. Thread-safe:
/// one interpreter can serve several threads. <see cref="Run"/> keeps one buffer per node and thread and reuses it
/// for every sample (a reshape shares its input's buffer), so the hot loop allocates only the returned output;
/// <see cref="RunAll"/> returns fresh arrays the caller may keep.
/// <code>
///   input → [thread's input copy] → node 0 → [buffer 0] → node 1 → [buffer 1] → … → copy of the first output
/// </code>
/// </summary>
public sealed class IrInterpreter
{
    private readonly IrGraph _graph;
    private readonly Dictionary<IrNode, Im2Col> _im2col = [];
    private readonly Dictionary<IrNode, ulong[]> _packed = [];
    private readonly Dictionary<IrNode, IBinaryLayerExecutor> _executors = [];
    private readonly IrNode[] _nodes;
    private readonly int[][] _argSlots;      // [node, input]: slot of the value read (0 = graph input, 1 + i = node i), −1 for a constant
    private readonly int _outputSlot;
    private readonly ThreadLocal<Workspace> _workspace;

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

        _nodes = [.. graph.Nodes];
        var slots = new Dictionary<IrValue, int> { [graph.Inputs[0]] = 0 };
        for (var i = 0; i < _nodes.Length; i++)
        {
            slots[_nodes[i].Output] = i + 1;
        }

        _argSlots = [.. _nodes.Select(n => n.Inputs.Select(v => v.Constant is null ? slots[v] : -1).ToArray())];
        _outputSlot = slots[graph.Outputs[0]];
        _workspace = new ThreadLocal<Workspace>(() => new Workspace(_nodes, graph.Inputs[0].Shape.Count));
    }

    public IrGraph Graph => _graph;

    public int InputLength => _graph.Inputs[0].Shape.Count;

    /// <summary>Runs one sample; returns the first graph output (flattened, a fresh array).</summary>
    public float[] Run(ReadOnlySpan<float> input)
    {
        CheckLength(input);
        var work = _workspace.Value!;
        input.CopyTo(work.Input);
        work.Values[0] = work.Input;
        RunNodes(work.Values, 0, _nodes.Length);
        return (float[])work.Values[_outputSlot].Clone();
    }

    /// <summary>The slot of the first graph output in the values <see cref="RunNodes"/> fills.</summary>
    public int OutputSlot => _outputSlot;

    /// <summary>
    /// Evaluates nodes [<paramref name="first"/>, <paramref name="end"/>) of the graph (in graph order) into this
    /// interpreter's buffers of the calling thread, reading earlier values from <paramref name="values"/> (slot 0 the
    /// input, slot 1 + i node i's output) and setting each evaluated node's slot; for callers that run parts of the
    /// graph on different interpreters (several simulators sharing a prefix). The arrays set stay valid until this
    /// thread's next run of the same nodes on this interpreter.
    /// </summary>
    public void RunNodes(float[][] values, int first, int end)
    {
        ArgumentNullException.ThrowIfNull(values);
        var work = _workspace.Value!;
        for (var i = first; i < end; i++)
        {
            var node = _nodes[i];
            var args = work.Args[i];
            var slots = _argSlots[i];
            for (var a = 0; a < args.Length; a++)
            {
                args[a] = slots[a] < 0 ? node.Inputs[a].Constant! : values[slots[a]];
            }

            values[i + 1] = node is ReshapeNode ? args[0] : Evaluate(node, args, work.Buffers[i]);
        }
    }

    /// <summary>Runs one sample and returns every value computed (for layer-by-layer comparison).</summary>
    public Dictionary<IrValue, float[]> RunAll(ReadOnlySpan<float> input)
    {
        CheckLength(input);
        var values = new Dictionary<IrValue, float[]> { [_graph.Inputs[0]] = input.ToArray() };
        foreach (var node in _nodes)
        {
            values[node.Output] = RunNode(node, values);
        }

        return values;
    }

    /// <summary>
    /// Evaluates one node of the graph on the values computed so far (its constant inputs come from the graph) and
    /// returns its output (a fresh array), for callers that walk the graph themselves (e.g. several simulators sharing a prefix).
    /// </summary>
    public float[] RunNode(IrNode node, IReadOnlyDictionary<IrValue, float[]> values)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(values);
        return Evaluate(node, [.. node.Inputs.Select(v => v.Constant ?? values[v])], null);
    }

    private void CheckLength(ReadOnlySpan<float> input)
    {
        if (input.Length != InputLength)
        {
            throw new ArgumentException($"input has {input.Length} values; the graph takes {InputLength}");
        }
    }

    /// <summary>One node into <paramref name="target"/> (the node's reused buffer) where its kernel writes in place, else into a new array.</summary>
    private float[] Evaluate(IrNode node, float[][] args, float[]? target)
    {
        switch (node)
        {
            case BinaryLinearNode b:
                {
                    var output = target ?? new float[b.Output.Shape.Count];
                    if (_executors.TryGetValue(node, out var executor))
                    {
                        if (target is not null && !executor.OverwritesOutput)
                        {
                            Array.Clear(output);
                        }

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
                    var output = target ?? new float[f.Output.Shape.Count];
                    LinearKernels.FloatDot(args[0], _im2col[node], f.Weights, f.Bias, f.Layout.Columns, output);
                    return output;
                }

            case ThresholdNode t when target is not null:
                ActivationKernels.Threshold(t, args[0], target);
                return target;
            case PoolNode p when target is not null:
                PoolKernels.Pool(p, args[0], target);
                return target;
            case BatchNormNode bn when target is not null:
                ActivationKernels.BatchNorm(bn, args[0], target);
                return target;
            default:
                return NodeEvaluator.Evaluate(node, args);
        }
    }

    /// <summary>One thread's buffers: the input copy, each node's output and argument list, and the values of the current sample.</summary>
    private sealed class Workspace
    {
        public Workspace(IrNode[] nodes, int inputLength)
        {
            Input = new float[inputLength];
            Buffers = [.. nodes.Select(n => n is ReshapeNode ? null : new float[n.Output.Shape.Count])];
            Args = [.. nodes.Select(n => new float[n.Inputs.Count][])];
            Values = new float[nodes.Length + 1][];
        }

        public float[] Input { get; }

        public float[]?[] Buffers { get; }

        public float[][][] Args { get; }

        public float[][] Values { get; }
    }
}
