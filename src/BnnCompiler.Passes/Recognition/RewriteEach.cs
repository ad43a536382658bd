using BnnCompiler.Core.Ir;

namespace BnnCompiler.Passes.Recognition;

/// <summary>
/// One sweep of a local rewrite: every node of the given kind, visited once in topological order, is replaced by
/// its rewrite when it has one. A rewrite sees the graph as already rewritten upstream, so a chain of matches
/// (e.g. Where of a comparison, then a Cast of that Where) folds in one sweep.
/// <code>
/// before: n1 … n2 … n3   (n1 and n3 match)      after: r1 … n2 … r3   (one sweep, not one match per call)
/// </code>
/// </summary>
internal static class RewriteEach
{
    /// <summary>Returns true when at least one node was replaced.</summary>
    public static bool Node<TNode>(IrGraph graph, Func<TNode, IrNode?> rewrite)
        where TNode : IrNode
    {
        var changed = false;
        foreach (var node in graph.Nodes.OfType<TNode>().ToList())
        {
            if (graph.Contains(node) && rewrite(node) is { } replacement)
            {
                graph.Replace([node], [replacement]);
                changed = true;
            }
        }

        return changed;
    }
}
