using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Core.Ir;

/// <summary>
/// Checks the IR's invariants and lists every violation, each prefixed by its rule:
/// <list type="bullet">
/// <item><c>single-producer</c>: each value is the output of at most one node, and no node writes a graph input or a constant;</item>
/// <item><c>no-dangling</c>: every value a node or the graph output reads is a constant, the graph input or a node's output;</item>
/// <item><c>order</c>: every node comes after the producers of its inputs;</item>
/// <item><c>one-value-per-name</c>: two different values never share a name;</item>
/// <item><c>shape</c>: each node's output shape follows from its inputs and parameters (<see cref="IrNodeRules"/>);</item>
/// <item><c>encoding</c>: code tables agree with their node (<see cref="IrNodeRules"/>).</item>
/// </list>
/// </summary>
public static class IrVerifier
{
    public static IReadOnlyList<string> Verify(IrGraph graph) => Verify(graph.Inputs, graph.Outputs, graph.Nodes);

    /// <summary>Checks graph parts in the given order (also parts <see cref="IrGraph"/> itself would refuse to hold).</summary>
    public static IReadOnlyList<string> Verify(IReadOnlyList<IrValue> graphInputs, IReadOnlyList<IrValue> graphOutputs, IReadOnlyList<IrNode> nodes)
    {
        var problems = new List<string>();
        var producers = new Dictionary<IrValue, IrNode>();
        var inputs = new HashSet<IrValue>(graphInputs);
        var byName = new Dictionary<string, IrValue>(StringComparer.Ordinal);
        foreach (var v in graphInputs)
        {
            SameName(v, byName, problems);
        }

        foreach (var node in nodes)
        {
            foreach (var v in node.Inputs)
            {
                SameName(v, byName, problems);
                if (!v.IsConstant && !inputs.Contains(v) && !producers.ContainsKey(v))
                {
                    problems.Add(nodes.Any(n => n.Outputs.Contains(v))
                        ? $"order: {node.Name} reads {v} before its producer"
                        : $"no-dangling: {node.Name} reads {v}, which no node produces and is not a graph input");
                }
            }

            foreach (var o in node.Outputs)
            {
                SameName(o, byName, problems);
                if (producers.TryGetValue(o, out var first))
                {
                    problems.Add($"single-producer: {o} is produced by both {first.Name} and {node.Name}");
                }
                else if (inputs.Contains(o) || o.IsConstant)
                {
                    problems.Add($"single-producer: {node.Name} writes {o}, which is a graph input or a constant");
                }

                producers.TryAdd(o, node);
            }

            problems.AddRange(IrNodeRules.Check(node));
        }

        foreach (var o in graphOutputs.Where(o => !inputs.Contains(o) && !producers.ContainsKey(o)))
        {
            problems.Add($"no-dangling: graph output {o} has no producer");
        }

        return problems;
    }

    /// <summary>Throws <see cref="IrInvariantException"/> listing every violation, when there is one.</summary>
    /// <param name="graph">The graph to check.</param>
    /// <param name="after">What ran last (a pass name, "import"), for the message.</param>
    public static void ThrowIfBroken(IrGraph graph, string after)
    {
        var problems = Verify(graph);
        if (problems.Count > 0)
        {
            throw new IrInvariantException($"IR verifier after {after} ({graph.Name}): {problems.Count} violation(s):{Environment.NewLine}  "
                + string.Join(Environment.NewLine + "  ", problems));
        }
    }

    private static void SameName(IrValue v, Dictionary<string, IrValue> byName, List<string> problems)
    {
        if (!byName.TryAdd(v.Name, v) && !ReferenceEquals(byName[v.Name], v))
        {
            var other = byName[v.Name];
            var problem = $"one-value-per-name: two values are named '{v.Name}' ({other.Shape} and {v.Shape})";
            if (!problems.Contains(problem))
            {
                problems.Add(problem);
            }
        }
    }
}
