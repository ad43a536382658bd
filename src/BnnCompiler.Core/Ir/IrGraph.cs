using QuikGraph;
using QuikGraph.Algorithms;

namespace BnnCompiler.Core.Ir;

/// <summary>
/// The IR graph: graph inputs and outputs, and nodes kept in a topological order. Dependencies are held
/// in a QuikGraph adjacency graph built on demand (for ordering, cycle detection and consumer queries).
/// </summary>
public sealed class IrGraph
{
    private readonly Dictionary<string, string> _metadata;
    private List<IrNode> _nodes;

    public IrGraph(string name, IReadOnlyList<IrValue> inputs, IReadOnlyList<IrValue> outputs, IEnumerable<IrNode> nodes,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        Name = name;
        Inputs = inputs;
        Outputs = outputs;
        _nodes = Sort(nodes.ToList());
        _metadata = metadata is null ? [] : new Dictionary<string, string>(metadata);
    }

    public string Name { get; }

    public IReadOnlyList<IrValue> Inputs { get; }

    public IReadOnlyList<IrValue> Outputs { get; private set; }

    public IReadOnlyList<IrNode> Nodes => _nodes;

    /// <summary>
    /// The file's decision head (a TopK with k = 1 or an ArgMax node), when the model ends in one: the file's
    /// output is then the first index of the maximum of <see cref="Outputs"/>[0], the scores this graph computes.
    /// </summary>
    public string? Decision { get; init; }

    /// <summary>Model-level facts carried from the file, e.g. <c>bnnc.input_range</c>.</summary>
    public IReadOnlyDictionary<string, string> Metadata => _metadata;

    /// <summary>Sets a model-level fact, e.g. <c>bnnc.input_scale</c> from the command line; passes run after read it.</summary>
    public void SetMetadata(string key, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        _metadata[key] = value;
    }

    /// <summary>True when <paramref name="node"/> is one of the graph's nodes (not replaced or removed).</summary>
    public bool Contains(IrNode node) => _nodes.Contains(node);

    public IrNode? Producer(IrValue value) => _nodes.FirstOrDefault(n => n.Outputs.Contains(value));

    public IReadOnlyList<IrNode> Consumers(IrValue value) => _nodes.Where(n => n.Inputs.Contains(value)).ToList();

    /// <summary>True when the value is read by more than one node or is a graph output.</summary>
    public bool HasOtherUses(IrValue value, IrNode except) =>
        Outputs.Contains(value) || _nodes.Any(n => n != except && n.Inputs.Contains(value));

    /// <summary>
    /// Replaces <paramref name="removed"/> nodes by <paramref name="added"/> ones. Any value read later that
    /// was produced by a removed node must be produced by an added node (same IrValue object), or be
    /// renamed through <paramref name="rewire"/> (old value → new value).
    /// </summary>
    public void Replace(IReadOnlyCollection<IrNode> removed, IReadOnlyCollection<IrNode> added,
        IReadOnlyDictionary<IrValue, IrValue>? rewire = null)
    {
        var kept = _nodes.Where(n => !removed.Contains(n)).ToList();
        if (rewire is { Count: > 0 })
        {
            kept = kept.Select(n => n.WithInputs(n.Inputs.Select(v => rewire.GetValueOrDefault(v, v)).ToList())).ToList();
            Outputs = Outputs.Select(v => rewire.GetValueOrDefault(v, v)).ToList();
        }

        kept.AddRange(added);
        _nodes = Sort(kept);
    }

    /// <summary>Drops nodes whose outputs nobody reads.</summary>
    public int RemoveDeadNodes()
    {
        var removed = 0;
        while (true)
        {
            var live = new HashSet<IrValue>(Outputs);
            foreach (var n in _nodes)
            {
                foreach (var v in n.Inputs)
                {
                    live.Add(v);
                }
            }

            var dead = _nodes.Where(n => !n.Outputs.Any(live.Contains)).ToList();
            if (dead.Count == 0)
            {
                return removed;
            }

            removed += dead.Count;
            _nodes = _nodes.Except(dead).ToList();
        }
    }

    private List<IrNode> Sort(List<IrNode> nodes)
    {
        var producers = new Dictionary<IrValue, IrNode>();
        foreach (var n in nodes)
        {
            foreach (var o in n.Outputs)
            {
                if (!producers.TryAdd(o, n))
                {
                    throw new IrInvariantException($"IR invariant: value {o} is produced by both {producers[o].Name} and {n.Name}");
                }
            }
        }

        var graph = new AdjacencyGraph<IrNode, Edge<IrNode>>();
        graph.AddVertexRange(nodes);
        foreach (var n in nodes)
        {
            foreach (var v in n.Inputs)
            {
                if (producers.TryGetValue(v, out var p))
                {
                    graph.AddEdge(new Edge<IrNode>(p, n));
                }
                else if (!v.IsConstant && !Inputs.Contains(v))
                {
                    throw new IrInvariantException($"IR invariant: value {v} read by {n.Name} has no producer");
                }
            }
        }

        // Deterministic order: the reverse post-order of a depth-first search that starts from the nodes in their previous
        // order and follows each node's consumers in their previous order. It depends on that order and the edges only
        // (no hashing of objects), so the same file gives the same numbering in every run.
        return graph.TopologicalSort().ToList();
    }
}
