using System.Numerics;
using System.Runtime.Intrinsics;

namespace BnnCompiler.Simulator.Functional;

/// <summary>
/// A shortcut for multi-plane layers whose every ADC reads exactly: then the bit-serial sum is an identity,
/// Σ_j 2^j·(m_j − n⁻) = Σ_k w_k·c_k, and the cells that conducted over all planes are
/// Σ_j m_j = Σ_k w_k·popcount(c_k) + P·n⁻ (a +1 weight conducts on the planes where its bit is 1, a −1 weight on
/// the others), so both come from two integer dot products per column instead of P reads. It gives exactly the
/// numbers of <see cref="ColumnKernel"/> (tested against the plain reference) and is used only when every block's
/// ADC is exact; any coarser ADC takes the plane-by-plane path.
/// </summary>
internal sealed class ExactDotKernel
{
    private readonly int _rows;
    private readonly int _columns;
    private readonly int _stride;           // columns rounded up to a multiple of 8
    private readonly int[] _weights;        // [row, stride]: ±1, 0 in padding columns
    private readonly int[] _table;          // [pixel, row]: input index, −1 in the padding

    public ExactDotKernel(sbyte[] signs, int rows, int columns, int[] im2colTable)
    {
        _rows = rows;
        _columns = columns;
        _stride = (columns + 7) & ~7;
        _weights = new int[rows * _stride];
        for (var col = 0; col < columns; col++)
        {
            for (var k = 0; k < rows; k++)
            {
                _weights[(k * _stride) + col] = signs[(col * rows) + k];
            }
        }

        _table = im2colTable;
    }

    /// <summary>Σ_k w·c per column of pixel <paramref name="pixel"/> into <paramref name="dots"/>; returns Σ over columns of Σ_k w·popcount(c).</summary>
    public long Run(int pixel, ReadOnlySpan<int> codes, Span<long> dots)
    {
        Span<int> rowCodes = stackalloc int[_rows];
        Span<int> rowCounts = stackalloc int[_rows];
        var driven = 0;
        for (var k = 0; k < _rows; k++)
        {
            var index = _table[(pixel * _rows) + k];
            var code = index < 0 ? 0 : codes[index];
            rowCodes[k] = code;
            rowCounts[k] = BitOperations.PopCount((uint)code);
            driven += index < 0 ? 0 : 1;
        }

        var weights = _weights.AsSpan();
        var conducted = Vector256<int>.Zero;
        Span<int> lanes = stackalloc int[8];
        for (var group = 0; group < _stride; group += 8)
        {
            var dot = Vector256<int>.Zero;
            var counts = Vector256<int>.Zero;
            for (var k = 0; k < _rows; k++)
            {
                var w = Vector256.Create(weights.Slice((k * _stride) + group, 8));
                dot += w * Vector256.Create(rowCodes[k]);
                counts += w * Vector256.Create(rowCounts[k]);
            }

            conducted += counts;
            dot.CopyTo(lanes);
            for (var lane = 0; lane < 8 && group + lane < _columns; lane++)
            {
                dots[group + lane] = lanes[lane];
            }
        }

        return Vector256.Sum(conducted);
    }
}
