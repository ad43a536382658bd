using BnnCompiler.Hardware;

namespace BnnCompiler.Mapping.Passes;

/// <summary>
/// Sizes the buffers and the PE adder tree the spec leaves <c>auto</c>, for the largest need over the mapped layers
/// (a PE or tile holds at most its share of a layer: min(K, rows it holds) inputs, min(N, columns it holds) outputs):
/// PE / tile input = inputs · input bits; PE / tile output = outputs · partial-sum bits; global buffer = the largest
/// input feature map · input bits; adder tree = partial-sum bits of a PE. Partial-sum bits of r rows of b-bit
/// inputs: ⌈log2(r·(2^b − 1) + 1)⌉ + 1 (a sign bit).
/// <code>
/// before: pe.input_buffer.size_kib = auto, ...; PE 128 x 256 weights; conv1 (K 147, 8 bits), s1.b0 (K 576, 1 bit), ...
/// after:  PE input = max(128·8, 128·1, ...) bits = 0.125 KiB; ...
/// </code>
/// </summary>
internal static class SizeBuffers
{
    public static BufferSizes Run(IReadOnlyList<MatrixLayer> layers, HardwareSpec spec, int rowsPerPe, int columnsPerPe, int rowsPerTile, int columnsPerTile)
    {
        long Max(Func<MatrixLayer, long> bits) => layers.Max(bits);
        var peInput = Max(l => (long)Math.Min(l.K, rowsPerPe) * l.InputBits);
        var peOutput = Max(l => (long)Math.Min(l.N, columnsPerPe) * PartialSumBits(Math.Min(l.K, rowsPerPe), l.InputBits));
        var tileInput = Max(l => (long)Math.Min(l.K, rowsPerTile) * l.InputBits);
        var tileOutput = Max(l => (long)Math.Min(l.N, columnsPerTile) * PartialSumBits(Math.Min(l.K, rowsPerTile), l.InputBits));
        var global = Max(l => l.Node.Inputs[0].Shape.ElementCount * l.InputBits);
        var adderTree = (int)Max(l => PartialSumBits(Math.Min(l.K, rowsPerPe), l.InputBits));
        return new BufferSizes(
            spec.Chip.GlobalBuffer.SizeKib ?? Kib(global),
            spec.Tile.InputBuffer.SizeKib ?? Kib(tileInput),
            spec.Tile.OutputBuffer.SizeKib ?? Kib(tileOutput),
            spec.Pe.InputBuffer.SizeKib ?? Kib(peInput),
            spec.Pe.OutputBuffer.SizeKib ?? Kib(peOutput),
            spec.Pe.AdderTreeBits ?? adderTree);
    }

    /// <summary>Bits of a signed sum of <paramref name="rows"/> terms, each a <paramref name="bits"/>-bit code times ±1.</summary>
    public static int PartialSumBits(int rows, int bits)
    {
        var largest = (long)rows * ((1L << bits) - 1);
        var magnitudeBits = 0;
        while ((1L << magnitudeBits) < largest + 1)
        {
            magnitudeBits++;
        }

        return magnitudeBits + 1;
    }

    private static double Kib(long bits) => bits / 8.0 / 1024.0;
}
