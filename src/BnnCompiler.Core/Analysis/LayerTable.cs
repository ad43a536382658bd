using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Core.Analysis;

/// <summary>Summarises every node of a canonical graph as a layer row (for inspect and the mapper).</summary>
public static class LayerTable
{
    public static IReadOnlyList<LayerInfo> Build(IrGraph graph)
    {
        var encodings = EncodingAnalysis.Compute(graph);
        var rows = new List<LayerInfo>();
        foreach (var node in graph.Nodes)
        {
            var input = node.Inputs.FirstOrDefault(v => !v.IsConstant) ?? node.Inputs[0];
            var encoding = encodings.GetValueOrDefault(input);
            var inShape = input.Shape.ToString();
            var outShape = node.Output.Shape.ToString();
            var bits = encoding?.Bits ?? 32;
            var described = encoding?.Describe() ?? "float32";
            rows.Add(node switch
            {
                BinaryLinearNode b => new LayerInfo(b.Name, BinaryKind(encoding), b.OpName, inShape, outShape, b.Layout.Rows, b.Layout.Columns,
                    b.Layout.Macs, b.Signs.LongLength + (b.Alpha?.Length ?? 0) + (b.Bias?.Length ?? 0), bits, described, b.Origin),
                FloatLinearNode f => new LayerInfo(f.Name, LayerKinds.FullPrecision, f.OpName, inShape, outShape, f.Layout.Rows, f.Layout.Columns,
                    f.Layout.Macs, f.Weights.LongLength + (f.Bias?.Length ?? 0), bits, described, f.Origin),
                _ => new LayerInfo(node.Name, LayerKinds.Digital, node.OpName, inShape, outShape, 0, 0, 0, Parameters(node), bits, described, node.Origin),
            });
        }

        return rows;
    }

    private static string BinaryKind(ValueEncoding? input) => input switch
    {
        null => LayerKinds.FloatInput,
        { IsBipolar: true } => LayerKinds.Binary,
        _ => LayerKinds.MultiBitInput,
    };

    private static long Parameters(IrNode node) => node switch
    {
        ThresholdNode t => t.Thresholds.Length,
        BatchNormNode bn => 4L * bn.Gamma.Length,
        _ => node.Inputs.Where(v => v.IsConstant).Sum(v => v.Shape.ElementCount),
    };
}
