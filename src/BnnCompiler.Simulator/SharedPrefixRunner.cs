using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;
using BnnCompiler.Simulator.Functional;

namespace BnnCompiler.Simulator;

/// <summary>
/// Runs several simulators of one mapped chip that differ only in how some crossbar layers read (e.g. the ADC
/// resolution of a sweep's points) over the same inputs, computing each node once for every group of simulators
/// that read the same up to it. A crossbar layer reads the same in two simulators when it applies the same input
/// planes on the same kernel path and every row block's ADC gives the same code for every count (both exact, or the
/// same bits over the same rows); digital nodes always do. The simulators' nodes therefore form a tree:
/// <code>
///   ADC 3, 4, 5, 6, 8 on a 9-row first layer and 128-row later layers:
///   image ─▶ conv1 (ADC 3) ─▶ sign ─▶ conv2 (ADC 3) ─▶ …                       one branch for ADC 3
///        └─▶ conv1 (exact for 4, 5, 6, 8) ─▶ sign ─┬─▶ conv2 (ADC 4) ─▶ …      the image, its planes and the first
///                                                 ├─▶ conv2 (ADC 5) ─▶ …      layer computed once for four points
///                                                 ├─▶ conv2 (ADC 6) ─▶ …
///                                                 └─▶ conv2 (ADC 8) ─▶ …
/// </code>
/// Each shared node runs on the first simulator of its group; <see cref="Finish"/> then adds what its crossbar layers
/// counted to the others' counters, so every simulator's outputs and action counts equal those of running it alone.
/// The simulators must be built from one graph and one mapping (the same weights) and must not run elsewhere until
/// <see cref="Finish"/>. Thread-safe for <see cref="Run"/>.
/// </summary>
public sealed class SharedPrefixRunner
{
    private readonly FunctionalSimulator[] _simulators;
    private readonly IrNode[] _nodes;
    private readonly ThreadLocal<float[][]> _values;
    private readonly Branch _root;
    private readonly List<(LayerCounters From, LayerCounters To, long[] Before)> _handOver = [];
    private bool _finished;

    public SharedPrefixRunner(IReadOnlyList<FunctionalSimulator> simulators)
    {
        ArgumentNullException.ThrowIfNull(simulators);
        ArgumentOutOfRangeException.ThrowIfZero(simulators.Count);
        _simulators = [.. simulators];
        var graph = _simulators[0].Graph;
        if (_simulators.Any(s => !ReferenceEquals(s.Graph, graph)))
        {
            throw new ArgumentException("shared runs need simulators of one graph", nameof(simulators));
        }

        _nodes = [.. graph.Nodes];
        _values = new ThreadLocal<float[][]>(() => new float[_nodes.Length + 1][]);
        var keys = _simulators.Select((s, i) => _nodes.Select(n => ReadingKey(s, i, n)).ToArray()).ToArray();
        _root = Build(keys, [.. Enumerable.Range(0, _simulators.Length)], 0);
    }

    /// <summary>Nodes evaluated per input, over every simulator (each simulator alone would run all of its nodes).</summary>
    public int NodeRuns => Count(_root);

    /// <summary>Runs one input through every simulator; returns each simulator's first graph output, in order.</summary>
    public float[][] Run(ReadOnlySpan<float> input)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        var outputs = new float[_simulators.Length][];
        var values = _values.Value!;

        var length = _simulators[0].Graph.Inputs[0].Shape.Count;
        if (input.Length != length)
        {
            throw new ArgumentException($"input has {input.Length} values; the graph takes {length}", nameof(input));
        }

        // The slot of the image is this thread's own array, reused for every image (nodes read it, none writes it).
        values[0] ??= new float[length];

        input.CopyTo(values[0]);
        Walk(_root, values, outputs);
        return outputs;
    }

    /// <summary>Adds every shared crossbar layer's counts to the simulators it ran for (call once, after the last run).</summary>
    public void Finish()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        foreach (var (from, to, before) in _handOver)
        {
            to.AddDifference(from.Snapshot(), before);
        }
    }

    /// <summary>
    /// How node <paramref name="node"/> reads in simulator <paramref name="index"/>: equal strings compute equal
    /// outputs and counts from equal inputs. Analog and other layers are never shared.
    /// </summary>
    private static string ReadingKey(FunctionalSimulator simulator, int index, IrNode node)
    {
        if (node is not BinaryLinearNode || !simulator.Layers.TryGetValue(node.Name, out var layer))
        {
            return string.Empty;
        }

        return layer.Executor is CrossbarLayer crossbar
            ? $"planes {crossbar.Planes} {crossbar.Path}: " + string.Join(",", crossbar.Adcs.Select(a => a.IsExact ? $"{a.FullScale} exact" : $"{a.FullScale} at {a.Bits}"))
            : $"simulator {index} alone";
    }

    private Branch Build(string[][] keys, int[] members, int first)
    {
        var split = first;
        while (split < _nodes.Length && members.All(m => keys[m][split] == keys[members[0]][split]))
        {
            split++;
        }

        var runner = members[0];
        for (var n = first; n < split; n++)
        {
            if (_simulators[runner].Layers.TryGetValue(_nodes[n].Name, out var from) && _nodes[n] is BinaryLinearNode)
            {
                foreach (var m in members.Skip(1))
                {
                    _handOver.Add((from.Counters, _simulators[m].Layers[_nodes[n].Name].Counters, from.Counters.Snapshot()));
                }
            }
        }

        var children = split == _nodes.Length
            ? []
            : members.GroupBy(m => keys[m][split]).Select(g => Build(keys, [.. g], split)).ToArray();
        return new Branch(first, split, runner, members, children);
    }

    private void Walk(Branch branch, float[][] values, float[][] outputs)
    {
        var simulator = _simulators[branch.Runner];
        if (branch.Children.Length == 0)
        {
            // A leaf: the rest of the graph on its simulator (all of it when nothing is shared).
            simulator.RunNodes(values, branch.First, branch.End);
            var output = (float[])values[simulator.OutputSlot].Clone();

            foreach (var m in branch.Members)
            {
                outputs[m] = output;
            }

            return;
        }

        simulator.RunNodes(values, branch.First, branch.End);

        // Siblings overwrite each other's slots from the split on; each reads only the shared ones before it, which
        // stay in the branch runner's buffers until its next run on this thread.
        foreach (var child in branch.Children)
        {
            Walk(child, values, outputs);
        }
    }

    private static int Count(Branch branch) => branch.End - branch.First + branch.Children.Sum(Count);

    /// <summary>Nodes [First, End) run once on simulator Runner for Members; then each child group runs on.</summary>
    private sealed record Branch(int First, int End, int Runner, int[] Members, Branch[] Children);
}
