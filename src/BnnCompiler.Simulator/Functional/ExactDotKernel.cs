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
/// as [row, pixel] (im2col) with their sum over rows T, so each column's dot is 2·Σ_{w = +1} codes − T (additions
/// only), sixteen pixels per instruction on AVX-512 (eight on AVX2), landing contiguously in the output. It gives exactly the numbers of <see cref="ColumnKernel"/> (tested against the plain reference) and is
/// used only on a vector path when every block's ADC is exact; any coarser ADC takes the plane-by-plane path.
/// <code>
///   codes [C, H·W] → rows [K, pixels], T[p] = Σ_k rows[k, p] → dot[n, p] = 2·Σ_{k: w[n, k] = +1} rows[k, p] − T[p]
///   → y[n, p] = Scale·dot + Constant·SignedValid[n, p]
/// </code>
/// </summary>
internal sealed class ExactDotKernel
{
    private readonly int _rows;
    private readonly int _columns;
    private readonly int _pixels;
    private readonly int _paddedPixels;     // pixels rounded up to a multiple of 16
    private readonly bool _wide;            // sixteen pixels per instruction (AVX-512), else eight
    private readonly int[][] _plusRows;     // [column]: the rows whose weight is +1
    private readonly int[] _table;          // [row, pixel]: input index, −1 in the padding
    private readonly int[] _runStart;       // [row, chunk of 8 pixels]: the first input index when the chunk reads 8 consecutive inputs, else −1
    private readonly long[] _rowWeightSum;  // [row]: Σ over columns of w
    private readonly double[] _signedValid; // [column, pixel]: Σ w over the rows the pixel drives

    /// <param name="signs">±1 weights [column, row].</param>
    /// <param name="im2colTable">[pixel, row]: input index, −1 in the padding.</param>
    /// <param name="signedValid">[column, pixel]: Σ w over the rows each pixel drives.</param>
    /// <param name="path">AVX-512 runs sixteen pixels per instruction, AVX2 eight.</param>
    public ExactDotKernel(sbyte[] signs, int rows, int columns, int[] im2colTable, double[] signedValid, KernelPath path)
    {
        _rows = rows;
        _columns = columns;
        _pixels = im2colTable.Length / rows;
        _paddedPixels = (_pixels + 15) & ~15;
        _wide = path == KernelPath.Avx512;
        _plusRows = [.. Enumerable.Range(0, columns).Select(col => Enumerable.Range(0, rows).Where(k => signs[(col * rows) + k] > 0).ToArray())];
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

        _runStart = new int[rows * (_paddedPixels / 8)];
        for (var k = 0; k < rows; k++)
        {
            for (var chunk = 0; chunk < _paddedPixels / 8; chunk++)
            {
                var p = chunk * 8;
                var first = p + 8 <= _pixels ? _table[(k * _pixels) + p] : -1;
                var consecutive = first >= 0 && Enumerable.Range(1, 7).All(i => _table[(k * _pixels) + p + i] == first + i);
                _runStart[(k * (_paddedPixels / 8)) + chunk] = consecutive ? first : -1;
            }
        }

        _signedValid = signedValid;
    }

    /// <summary>Length of the scratch array <see cref="Run"/> takes: the rows and their sum.</summary>
    public int ScratchLength => (_rows + 1) * _paddedPixels;

    /// <summary>
    /// Every column and pixel: y = Scale·Σ_k w·c + Constant·SignedValid into <paramref name="output"/> [column, pixel];
    /// returns Σ over columns and pixels of Σ_k w·popcount(c).
    /// </summary>
    public long Run(ReadOnlySpan<int> codes, double scale, double constant, Span<int> scratch, Span<float> output)
    {
        var conducted = 0L;
        var rows = scratch[..ScratchLength];
        var total = rows.Slice(_rows * _paddedPixels, _paddedPixels);
        total.Clear();
        var chunks = _paddedPixels / 8;
        var (nibbles, lookup) = (Vector256.Create((byte)0x0F), BitCounts.NibbleCounts);
        var totals = MemoryMarshal.Cast<int, Vector256<int>>(total);
        for (var k = 0; k < _rows; k++)
        {
            // The im2col row, eight pixels at a time: one load where they read consecutive inputs, else one by one.
            var target = rows.Slice(k * _paddedPixels, _paddedPixels);
            var sources = _table.AsSpan(k * _pixels, _pixels);
            var starts = _runStart.AsSpan(k * chunks, chunks);
            var byteSums = Vector256<ulong>.Zero;
            for (var chunk = 0; chunk < chunks; chunk++)
            {
                var p = chunk * 8;
                Vector256<int> v;
                if (starts[chunk] >= 0)
                {
                    v = Vector256.Create(codes.Slice(starts[chunk], 8));
                    v.CopyTo(target[p..]);
                }
                else
                {
                    for (var lane = p; lane < p + 8; lane++)
                    {
                        target[lane] = lane >= _pixels || sources[lane] < 0 ? 0 : codes[sources[lane]];
                    }

                    v = Vector256.Create(target.Slice(p, 8));
                }

                totals[chunk] += v;
                byteSums += Avx2.SumAbsoluteDifferences(BitCounts.ByteCounts(v.AsUInt64(), nibbles, lookup), Vector256<byte>.Zero).AsUInt64();
            }

            conducted += (long)Vector256.Sum(byteSums) * _rowWeightSum[k];
        }

        if (_wide)
        {
            Dots512(rows, total, scale, constant, output);
        }
        else
        {
            Dots256(rows, total, scale, constant, output);
        }

        return conducted;
    }

    private void Dots512(Span<int> rows, Span<int> total, double scale, double constant, Span<float> output)
    {
        var chunks = MemoryMarshal.Cast<int, Vector512<int>>(rows);
        var totals = MemoryMarshal.Cast<int, Vector512<int>>(total);
        var chunksPerRow = _paddedPixels / 16;
        for (var col = 0; col < _columns; col++)
        {
            var plus = _plusRows[col];
            for (var chunk = 0; chunk < chunksPerRow; chunk++)
            {
                var sum = Vector512<int>.Zero;
                foreach (var k in plus)
                {
                    sum += chunks[(k * chunksPerRow) + chunk];
                }

                var dot = sum + sum - totals[chunk];
                Store(dot.GetLower(), col, chunk * 16, scale, constant, output);
                Store(dot.GetUpper(), col, (chunk * 16) + 8, scale, constant, output);
            }
        }
    }

    private void Dots256(Span<int> rows, Span<int> total, double scale, double constant, Span<float> output)
    {
        var chunks = MemoryMarshal.Cast<int, Vector256<int>>(rows);
        var totals = MemoryMarshal.Cast<int, Vector256<int>>(total);
        var chunksPerRow = _paddedPixels / 8;
        for (var col = 0; col < _columns; col++)
        {
            var plus = _plusRows[col];
            for (var chunk = 0; chunk < chunksPerRow; chunk++)
            {
                var sum = Vector256<int>.Zero;
                foreach (var k in plus)
                {
                    sum += chunks[(k * chunksPerRow) + chunk];
                }

                Store(sum + sum - totals[chunk], col, chunk * 8, scale, constant, output);
            }
        }
    }

    /// <summary>Pixels p..p+7 of one column: y = Scale·dot + Constant·SignedValid in doubles, rounded to float as the scalar lines do.</summary>
    private void Store(Vector256<int> dot, int col, int p, double scale, double constant, Span<float> output)
    {
        if (p >= _pixels)
        {
            return;
        }

        var y = output.Slice(col * _pixels, _pixels);
        var signedValid = _signedValid.AsSpan(col * _pixels, _pixels);
        if (p + 8 <= _pixels)
        {
            if (_wide)
            {
                var value = (Vector512.Create(scale) * Avx512F.ConvertToVector512Double(dot)) + (Vector512.Create(constant) * Vector512.Create(signedValid.Slice(p, 8)));
                Avx512F.ConvertToVector256Single(value).CopyTo(y[p..]);
                return;
            }

            var low = (Vector256.Create(scale) * Avx.ConvertToVector256Double(dot.GetLower())) + (Vector256.Create(constant) * Vector256.Create(signedValid.Slice(p, 4)));
            var high = (Vector256.Create(scale) * Avx.ConvertToVector256Double(dot.GetUpper())) + (Vector256.Create(constant) * Vector256.Create(signedValid.Slice(p + 4, 4)));
            Avx.ConvertToVector128Single(low).CopyTo(y[p..]);
            Avx.ConvertToVector128Single(high).CopyTo(y[(p + 4)..]);
            return;
        }

        for (var lane = 0; lane < 8 && p + lane < _pixels; lane++)
        {
            y[p + lane] = (float)((scale * dot.GetElement(lane)) + (constant * signedValid[p + lane]));
        }
    }
}
