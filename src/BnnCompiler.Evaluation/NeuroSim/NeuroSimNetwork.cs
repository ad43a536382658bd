using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;
using BnnCompiler.Mapping;

namespace BnnCompiler.Evaluation.NeuroSim;

/// <summary>
/// The rows of NeuroSim V1.3's <c>NetWork.csv</c> for a mapped chip: one per mapped layer, in stage order.
/// A convolution gives its unpadded input size, kernel, output channels and stride; a dense layer
/// <c>1,1,K,1,1,N,0,1</c>; the cells a ±1 weight takes multiply the input channels (two rows per weight) or the
/// output channels (two columns). A 1×1 convolution whose input comes from a non-overlapping average pool is written
/// as NeuroSim's strided 1×1 convolution over the pool's input (the study's shortcut rows, e.g. <c>56,56,64,1,1,128,0,2</c>);
/// the flag "followed by max pool" is set on the layer whose tiles run a max pool.
/// </summary>
public static class NeuroSimNetwork
{
    /// <summary>The network file's rows for <paramref name="mapping"/> of <paramref name="graph"/>.</summary>
    /// <exception cref="DiagnosticException">BNN8001 for a layer NeuroSim cannot express.</exception>
    public static IReadOnlyList<NeuroSimLayerRow> Rows(IrGraph graph, ChipMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(mapping);
        var rowsPerWeight = mapping.Spec.Weights.RowsPerWeight;
        var columnsPerWeight = mapping.Spec.Weights.ColumnsPerWeight;
        return mapping.Layers.Select(layer => Row(graph, layer, rowsPerWeight, columnsPerWeight)).ToList();
    }

    private static NeuroSimLayerRow Row(IrGraph graph, LayerMapping layer, int rowsPerWeight, int columnsPerWeight)
    {
        var layout = layer.Node.Layout;
        var outChannels = layout.Columns * columnsPerWeight;
        if (layout.Window is not { } w)
        {
            return new NeuroSimLayerRow(layer.Name, 1, 1, layout.Rows * rowsPerWeight, 1, 1, outChannels, false, 1);
        }

        if (w.DilationH != 1 || w.DilationW != 1 || w.StrideH != w.StrideW)
        {
            throw new DiagnosticException(Diagnostic.Error(NeuroSimCodes.LayerNotExpressible,
                $"layer '{layer.Name}' ({layout}) cannot be written to NeuroSim V1.3's NetWork.csv: it takes one stride for both axes and no dilation",
                new SourceLocation(layer.Origin)));
        }

        var maxPool = layer.DigitalOps.Any(op => op.Op == "max_pool");
        var inChannels = layout.InChannels * rowsPerWeight;
        if (w.KernelH == 1 && w.KernelW == 1 && w.StrideH == 1 && !w.HasPadding && AveragePoolInFront(graph, layer.Node) is { } pool)
        {
            var pooled = pool.Inputs[0].Shape;
            return new NeuroSimLayerRow(layer.Name, pooled[2], pooled[3], inChannels, 1, 1, outChannels, maxPool, pool.Window.StrideH);
        }

        return new NeuroSimLayerRow(layer.Name, layout.InputHeight, layout.InputWidth, inChannels, w.KernelH, w.KernelW,
            outChannels, maxPool, w.StrideH);
    }

    /// <summary>
    /// The non-overlapping, unpadded average pool (kernel = stride, square) that feeds <paramref name="node"/> through
    /// element-wise nodes only (binarizers, thresholds, normalisation), or null.
    /// </summary>
    private static PoolNode? AveragePoolInFront(IrGraph graph, BinaryLinearNode node)
    {
        var value = node.Inputs[0];
        while (graph.Producer(value) is { } producer)
        {
            if (producer is PoolNode { Kind: PoolKind.Average } p)
            {
                var g = p.Window;
                return g.KernelH == g.StrideH && g.KernelW == g.StrideW && g.StrideH == g.StrideW && !g.HasPadding
                    && p.Inputs[0].Shape.Rank == 4 ? p : null;
            }

            var dynamicInputs = producer.Inputs.Where(i => !i.IsConstant).ToList();
            if (dynamicInputs.Count != 1 || !dynamicInputs[0].Shape.Equals(producer.Output.Shape)
                || producer is BinaryLinearNode or FloatLinearNode or PoolNode)
            {
                return null;
            }

            value = dynamicInputs[0];
        }

        return null;
    }
}
