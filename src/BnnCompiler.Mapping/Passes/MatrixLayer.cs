using BnnCompiler.Core.Analysis;
using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Mapping.Passes;

/// <summary>A layer lowered to a K × N matrix applied once per output pixel, with the bit planes of its input.</summary>
internal sealed record MatrixLayer(BinaryLinearNode Node, int Index, string Kind, ValueEncoding Encoding, int InputBits)
{
    public int K => Node.Layout.Rows;

    public int N => Node.Layout.Columns;

    public int Pixels => Node.Layout.OutputPixels;

    public long Weights => (long)K * N;
}
