using BnnCompiler.Core.Analysis;
using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;
using BnnCompiler.Hardware;

namespace BnnCompiler.Mapping.Passes;

/// <summary>
/// Lowers every layer with ±1 weights and integer-coded input to a K × N matrix-vector product applied once per
/// output pixel; warns about matrix layers that stay digital.
/// <code>
/// before: %y[1x64x56x56] = binary_linear(%x) conv 64->64 k3x3 s1x1 (input bipolar)
/// after:  MatrixLayer(K = 64·3·3 = 576, N = 64, pixels = 56·56 = 3136, input bits = 1)
/// </code>
/// </summary>
internal static class LowerToMatrices
{
    public static IReadOnlyList<MatrixLayer> Run(IrGraph graph, HardwareSpec spec, DiagnosticBag bag)
    {
        var encodings = EncodingAnalysis.Compute(graph);
        var image = ImageInputs.Of(graph);
        var layers = new List<MatrixLayer>();
        foreach (var node in graph.Nodes)
        {
            if (node is BinaryLinearNode binary && encodings.GetValueOrDefault(binary.Inputs[0]) is { } encoding)
            {
                // The image is applied at readout.input_bits; codes made inside the network keep their own bits.
                var bits = encoding.IsBipolar ? 1 : image.Contains(binary.Inputs[0]) ? Math.Min(encoding.Bits, spec.Readout.InputBits) : encoding.Bits;
                var kind = encoding.IsBipolar ? LayerKinds.Binary : LayerKinds.MultiBitInput;
                layers.Add(new MatrixLayer(binary, layers.Count, kind, encoding, bits));
            }
            else if (node is BinaryLinearNode or FloatLinearNode)
            {
                var why = node is FloatLinearNode
                    ? "its weights are not ±1 (per output channel)"
                    : "its input is not an integer code (no binarizer or quantizer before it)";
                bag.Warning(MappingCodes.LayerKeptDigital,
                    $"layer '{node.Name}' stays digital: {why}; only layers with ±1 weights and integer-coded inputs map onto crossbars",
                    new SourceLocation(graph.Name, Detail: node.Origin));
            }
        }

        return layers;
    }
}
