using BnnCompiler.Core.Analysis;
using BnnCompiler.Hardware;
using BnnCompiler.Mapping;

namespace BnnCompiler.Evaluation.NeuroSim;

/// <summary>
/// The per-layer files NeuroSim V1.3's inference engine reads. <c>weight&lt;L&gt;.csv</c>: one line per matrix row,
/// one value per column, a ±1 weight written as −1 (G_min) or 0 (G_max: with 1-bit weights NeuroSim's level mapping
/// sends +1 to the level that wraps to G_min, so +1 is written as 0). <c>input&lt;L&gt;.csv</c>: one line per matrix
/// row, <c>bits</c> columns per input window (most significant plane first), 0/1. With two rows per weight, matrix row
/// 2k holds weight k driven by input bit x and row 2k+1 its complement ¬w driven by ¬x (two columns per weight:
/// columns 2n and 2n+1 hold w and ¬w). Windows are the unpadded positions, row-major, as NeuroSim reads them.
/// </summary>
public static class NeuroSimTraces
{
    /// <summary>Writes the layer's weight matrix file.</summary>
    public static void WriteWeights(TextWriter writer, LayerMapping layer, WeightMappingSpec weights)
    {
        var k = layer.Rows;
        var n = layer.Columns;
        var signs = layer.Node.Signs;
        var line = new System.Text.StringBuilder();
        for (var row = 0; row < k * weights.RowsPerWeight; row++)
        {
            line.Clear();
            var source = row / weights.RowsPerWeight;
            var rowComplement = row % weights.RowsPerWeight == 1;
            for (var column = 0; column < n * weights.ColumnsPerWeight; column++)
            {
                var complement = rowComplement ^ (column % weights.ColumnsPerWeight == 1);
                var positive = signs[((long)(column / weights.ColumnsPerWeight) * k) + source] > 0 ^ complement;
                if (column > 0)
                {
                    line.Append(',');
                }

                line.Append(positive ? "0" : "-1");
            }

            writer.WriteLine(line);
        }
    }

    /// <summary>
    /// Writes the layer's input trace: <paramref name="codes"/> holds the layer's input tensor as integer codes of
    /// <paramref name="codeBits"/> bits (1 for a bipolar input: 1 = +1), NCHW or flat; <paramref name="planes"/> ≥
    /// codeBits columns per window, the planes past codeBits zero.
    /// </summary>
    public static void WriteInputs(TextWriter writer, LayerMapping layer, WeightMappingSpec weights, int[] codes, int codeBits, int planes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(planes, codeBits);
        var windows = Windows(layer);
        var line = new System.Text.StringBuilder();
        for (var row = 0; row < layer.Rows * weights.RowsPerWeight; row++)
        {
            line.Clear();
            var source = row / weights.RowsPerWeight;
            var complement = row % weights.RowsPerWeight == 1;
            for (var window = 0; window < windows.Count; window++)
            {
                var code = codes[windows.Element(window, source)];
                for (var plane = 0; plane < planes; plane++)
                {
                    var bit = plane < codeBits && (((code >> (codeBits - 1 - plane)) & 1) == 1 ^ complement);
                    if (window > 0 || plane > 0)
                    {
                        line.Append(',');
                    }

                    line.Append(bit ? '1' : '0');
                }
            }

            writer.WriteLine(line);
        }
    }

    /// <summary>
    /// The layer's input as the integer codes its bit planes apply: the value's code, reduced to the spec's input
    /// precision as the simulator reduces the image (<see cref="Simulator.Functional.InputQuantization"/>) when the
    /// code has more bits than the layer applies.
    /// </summary>
    public static int[] Codes(ReadOnlySpan<float> values, ValueEncoding encoding, ReadoutSpec readout)
    {
        var codes = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var code = (int)MathF.Round((values[i] - encoding.Offset) / encoding.Scale);
            codes[i] = Math.Clamp(code, 0, encoding.Levels - 1);
        }

        return Simulator.Functional.InputQuantization.Apply(codes, encoding.Bits, readout).Codes;
    }

    /// <summary>Seeded Bernoulli(0.5) bits for every bit plane of every element of the layer's input.</summary>
    public static int[] BernoulliCodes(LayerMapping layer, int appliedBits, int seed)
    {
        var layout = layer.Node.Layout;
        var count = layout.Window is null ? layout.Rows : layout.InChannels * layout.InputHeight * layout.InputWidth;
        var random = Core.Randomness.SplitMix64.ForStream(seed, "neurosim-input/" + layer.Name);
        var codes = new int[count];
        for (var i = 0; i < count; i++)
        {
            codes[i] = (int)(random.NextUInt64() >> (64 - appliedBits));
        }

        return codes;
    }

    private static WindowIndex Windows(LayerMapping layer) => new(layer.Node.Layout);

    /// <summary>Unpadded window positions of a layer and the input element behind each matrix row.</summary>
    private sealed class WindowIndex(Core.Ir.Nodes.LinearLayout layout)
    {
        private readonly int _outWidth = layout.Window is { } w ? ((layout.InputWidth - w.KernelW) / w.StrideW) + 1 : 1;

        public int Count => layout.Window is { } w ? (((layout.InputHeight - w.KernelH) / w.StrideH) + 1) * _outWidth : 1;

        public int Element(int window, int row)
        {
            if (layout.Window is not { } w)
            {
                return row;
            }

            var kernel = w.KernelH * w.KernelW;
            var channel = row / kernel;
            var i = row % kernel / w.KernelW;
            var j = row % w.KernelW;
            var y = (window / _outWidth * w.StrideH) + i;
            var x = (window % _outWidth * w.StrideW) + j;
            return (((channel * layout.InputHeight) + y) * layout.InputWidth) + x;
        }
    }
}
