using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Core.Analysis;

/// <summary>
/// The values that carry the image itself: the graph input and its reshapes and transposes. A layer reading one
/// of them takes the image's codes, whose precision the hardware's readout.input_bits sets; every other
/// integer-coded input keeps the bits of its code.
/// </summary>
public static class ImageInputs
{
    public static IReadOnlySet<IrValue> Of(IrGraph graph)
    {
        var set = new HashSet<IrValue>(graph.Inputs);
        foreach (var node in graph.Nodes)
        {
            if (node is ReshapeNode or TransposeNode && set.Contains(node.Inputs[0]))
            {
                set.Add(node.Output);
            }
        }

        return set;
    }
}
