using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Mapping.Passes;

/// <summary>
/// Assigns every node that does not run on crossbars to the mapped layer whose tiles produce its input: its home
/// is the latest home (stage order) among the producers of its inputs, a mapped layer being its own home; nodes
/// that only read the graph input run at chip level.
/// <code>
/// before: s1.b0 -> s1.b0.bn_out -> add(s1.b0.bn_out, pool1.bn_out) -> s1.b1.sign_out -> s1.b1
/// after:  bn_out, add_out and s1.b1.sign_out run on the tiles of s1.b0 (add: s1.b0 is later than conv1); s1.b1 reads from s1.b0
/// </code>
/// </summary>
internal static class AssignDigitalOps
{
    public static DigitalAssignment Run(IrGraph graph, IReadOnlyList<MatrixLayer> layers)
    {
        var mapped = layers.ToDictionary(l => (IrNode)l.Node, l => l.Index);
        var home = new Dictionary<IrValue, int?>();
        var byLayer = layers.Select(_ => new List<DigitalOp>()).ToList();
        var inputOps = new List<DigitalOp>();
        var inputLayer = new int?[layers.Count];
        foreach (var node in graph.Nodes)
        {
            var producers = node.Inputs.Where(v => !v.IsConstant).Select(v => home.GetValueOrDefault(v)).ToList();
            var latest = producers.Where(h => h is not null).Select(h => h!.Value).DefaultIfEmpty(-1).Max();
            var inputHome = latest < 0 ? (int?)null : latest;
            int? nodeHome;
            if (mapped.TryGetValue(node, out var index))
            {
                inputLayer[index] = inputHome;
                nodeHome = index;
            }
            else
            {
                var op = new DigitalOp(node.Name, node.OpName, node.Origin, inputHome is { } h ? layers[h].Node.Name : null);
                (inputHome is { } at ? byLayer[at] : inputOps).Add(op);
                nodeHome = inputHome;
            }

            foreach (var output in node.Outputs)
            {
                home[output] = nodeHome;
            }
        }

        return new DigitalAssignment(inputOps, byLayer, inputLayer);
    }
}
