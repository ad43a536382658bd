using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BnnCompiler.Simulator.Functional;

/// <summary>
/// A shortcut for multi-plane layers whose every ADC reads exactly: then the bit-serial sum is an identity,
/// Σ_j 2^j·(m_j − n⁻) = Σ_k w_k·c_k, and the cells that conducted over all planes are
/// Σ_j m_j = Σ_k w_k·popcount(c_k) + P·n⁻ (a +1 weight conducts on the planes where its bit is 1, a −1 weight on
/// the others), so both come from integer dot products instead of P reads. The codes are gathered once per image
/// as [row, pixel] (im2col), so each column's dots run eight pixels per instruction and land contiguously in the
/// output. It gives exactly the numbers of <see cref="ColumnKernel"/> (tested against the plain reference) and is
/// used only on a vector path when every block's ADC is exact; any coarser ADC takes the plane-by-plane path.
/// <code>
///   codes [C, H·W] → rows [K, pixels] → dot[n, p] = Σ_k w[n, k]·rows[k, p] → y[n, p] = Scale·dot + Constant·SignedValid[n, p]
/// </code>
/// </summary>
internal sealed class ExactDotKernel
{
    private readonly int _rows;
    private readonly int _columns;
    private readonly int _pixels;
    private readonly int _paddedPixels;     // pixels rounded up to a multiple of 8
    private readonly int[] _weights;        // [column, row]: ±1
    private readonly int[] _table;          // [row, pixel]: input index, −1 in the padding
    private readonly long[] _rowWeightSum;  // [row]: Σ over columns of w
    private readonly double[] _signedValid; // [column, pixel]: Σ w over the rows the pixel drives

    /// <param name="signs">±1 weights [column, row].</param>
    /// <param name="im2colTable">[pixel, row]: input index, −1 in the padding.</param>
    /// <param name="signedValid">[column, pixel]: Σ w over the rows each pixel drives.</param>
    public ExactDotKernel(sbyte[] signs, int rows, int columns, int[] im2colTable, double[] signedValid)
    {
        _rows = rows;
        _columns = columns;
        _pixels = im2colTable.Length / rows;
        _paddedPixels = (_pixels + 7) & ~7;
        _weights = [.. signs.Select(s => (int)s)];
        _rowWeightSum = new long[rows];
        for (var col = 0; col < columns; col++)
        {
            for (var k = 0; k < rows; k++)
            {
                _rowWeightSum[k] += signs[(col * rows) + k];
            }
        }

        _table = new int[rows * _pixels];
        for (var p = 0; p < _pixels; p++)
        {
            for (var k = 0; k < rows; k++)
            {
                _table[(k * _pixels) + p] = im2colTable[(p * rows) + k];
            }
        }

        _signedValid = signedValid;
    }

    /// <summary>Length of the scratch array <see cref="Run"/> takes.</summary>
    public int ScratchLength => _rows * _paddedPixels;

    /// <summary>
    /// Every column and pixel: y = Scale·Σ_k w·c + Constant·SignedValid into <paramref name="output"/> [column, pixel];
    /// returns Σ over columns and pixels of Σ_k w·popcount(c).
    /// </summary>
    public long Run(ReadOnlySpan<int> codes, double scale, double constant, Span<int> scratch, Span<float> output)
    {
        var conducted = 0L;
        var rows = scratch[..ScratchLength];
        for (var k = 0; k < _rows; k++)
        {
            var target = rows.Slice(k * _paddedPixels, _paddedPixels);
            var sources = _table.AsSpan(k * _pixels, _pixels);
            var bits = 0L;
            for (var p = 0; p < sources.Length; p++)
            {
                var code = sources[p] < 0 ? 0 : codes[sources[p]];
                target[p] = code;
                bits += BitOperations.PopCount((uint)code);
            }

            target[_pixels..].Clear();
            conducted += bits * _rowWeightSum[k];
        }

        var chunks = MemoryMarshal.Cast<int, Vector256<int>>(rows);
        var chunksPerRow = _paddedPixels / 8;
        Span<int> lanes = stackalloc int[8];
        for (var col = 0; col < _columns; col++)
        {
            var weights = _weights.AsSpan(col * _rows, _rows);
            var y = output.Slice(col * _pixels, _pixels);
            var signedValid = _signedValid.AsSpan(col * _pixels, _pixels);
            for (var chunk = 0; chunk < chunksPerRow; chunk++)
            {
                var dot = Vector256<int>.Zero;
                for (var k = 0; k < weights.Length; k++)
                {
                    dot += chunks[(k * chunksPerRow) + chunk] * weights[k];
                }

                var p = chunk * 8;
                if (Avx512F.IsSupported && p + 8 <= _pixels)
                {
                    // The same double products and sum as the scalar lines below, rounded to float the same way.
                    var value = (Vector512.Create(scale) * Avx512F.ConvertToVector512Double(dot))
                        + (Vector512.Create(constant) * Vector512.Create(signedValid.Slice(p, 8)));
                    Avx512F.ConvertToVector256Single(value).CopyTo(y[p..]);
                    continue;
                }

                dot.CopyTo(lanes);
                for (var lane = 0; lane < 8 && p + lane < _pixels; lane++)
                {
                    y[p + lane] = (float)((scale * lanes[lane]) + (constant * signedValid[p + lane]));
                }
            }
        }

        return conducted;
    }
}
