using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BnnCompiler.Simulator.Functional;

/// <summary>
/// The column loops of <see cref="PixelLaneKernel"/>: eight output pixels per 512-bit vector (XNOR by one
/// ternary-logic instruction, byte counts by vpermi2b) or four per 256-bit vector (nibble look-up); per-byte counts of
/// up to 31 words are added before one byte sum. Both compute y in doubles exactly as <see cref="ColumnKernel"/> does.
/// </summary>
internal sealed partial class PixelLaneKernel
{
    /// <summary>Truth table of ¬(a ⊕ b) for vpternlogq (the third operand is ignored).</summary>
    private const byte Xnor = 0xC3;

    private long Columns512(ReadOnlySpan<ulong> slots, double scale, double constant, Span<float> output)
    {
        var matched = Vector512<ulong>.Zero;
        var col = 0;
        if (_words <= BitCounts.ByteSumWords)
        {
            for (; col + 4 <= _columns; col += 4)
            {
                matched += FourColumns512(slots, col, scale, constant, output);
            }
        }

        for (; col < _columns; col++)
        {
            matched += Column512(slots, col, scale, constant, output);
        }

        return (long)Vector512.Sum(matched);
    }

    /// <summary>Columns col..col+3 at once (at most 31 words): each slot vector loaded once for four columns.</summary>
    private Vector512<ulong> FourColumns512(ReadOnlySpan<ulong> slots, int col, double scale, double constant, Span<float> output)
    {
        var matched = Vector512<ulong>.Zero;
        var (low, high, one) = (BitCounts.LowCounts, BitCounts.HighCounts, Vector512.Create((byte)1));
        var (words, pixels, padded) = (_words, _pixels, _paddedPixels);
        ref var x = ref MemoryMarshal.GetReference(slots);
        ref var w0 = ref _weights[col * words];
        ref var w1 = ref Unsafe.Add(ref w0, words);
        ref var w2 = ref Unsafe.Add(ref w1, words);
        ref var w3 = ref Unsafe.Add(ref w2, words);
        for (var p = 0; p < pixels; p += 8)
        {
            var (b0, b1, b2, b3) = (Vector512<byte>.Zero, Vector512<byte>.Zero, Vector512<byte>.Zero, Vector512<byte>.Zero);
            for (var word = 0; word < words; word++)
            {
                var bits = Vector512.LoadUnsafe(ref x, (nuint)((word * padded) + p));
                b0 += BitCounts.ByteCounts(Avx512F.TernaryLogic(bits, Vector512.Create(Unsafe.Add(ref w0, word)), bits, Xnor), low, high, one);
                b1 += BitCounts.ByteCounts(Avx512F.TernaryLogic(bits, Vector512.Create(Unsafe.Add(ref w1, word)), bits, Xnor), low, high, one);
                b2 += BitCounts.ByteCounts(Avx512F.TernaryLogic(bits, Vector512.Create(Unsafe.Add(ref w2, word)), bits, Xnor), low, high, one);
                b3 += BitCounts.ByteCounts(Avx512F.TernaryLogic(bits, Vector512.Create(Unsafe.Add(ref w3, word)), bits, Xnor), low, high, one);
            }

            matched += Finish512(b0, col, p, scale, constant, output);
            matched += Finish512(b1, col + 1, p, scale, constant, output);
            matched += Finish512(b2, col + 2, p, scale, constant, output);
            matched += Finish512(b3, col + 3, p, scale, constant, output);
        }

        return matched;
    }

    /// <summary>One column, any number of words (byte counts summed 31 words at a time).</summary>
    private Vector512<ulong> Column512(ReadOnlySpan<ulong> slots, int col, double scale, double constant, Span<float> output)
    {
        var matched = Vector512<ulong>.Zero;
        var (low, high, one) = (BitCounts.LowCounts, BitCounts.HighCounts, Vector512.Create((byte)1));
        var (words, pixels, padded) = (_words, _pixels, _paddedPixels);
        ref var x = ref MemoryMarshal.GetReference(slots);
        var weights = _weights.AsSpan(col * words, words);
        for (var p = 0; p < pixels; p += 8)
        {
            var m = Vector512<ulong>.Zero;
            for (var first = 0; first < words; first += BitCounts.ByteSumWords)
            {
                var bytes = Vector512<byte>.Zero;
                var last = Math.Min(words, first + BitCounts.ByteSumWords);
                for (var word = first; word < last; word++)
                {
                    var bits = Vector512.LoadUnsafe(ref x, (nuint)((word * padded) + p));
                    bytes += BitCounts.ByteCounts(Avx512F.TernaryLogic(bits, Vector512.Create(weights[word]), bits, Xnor), low, high, one);
                }

                m += Avx512BW.SumAbsoluteDifferences(bytes, Vector512<byte>.Zero).AsUInt64();
            }

            matched += Store512(m, col, p, scale, constant, output);
        }

        return matched;
    }

    /// <summary>The byte counts of one column's eight pixels summed per pixel, then stored (see <see cref="Store512"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector512<ulong> Finish512(Vector512<byte> bytes, int col, int p, double scale, double constant, Span<float> output) =>
        Store512(Avx512BW.SumAbsoluteDifferences(bytes, Vector512<byte>.Zero).AsUInt64(), col, p, scale, constant, output);

    /// <summary>
    /// Pixels p..p+7 of one column: y = Scale·(m − Bias) + Constant·SignedValid into the output; returns m on the lanes
    /// that hold real pixels (lanes past the last pixel read zero slots and are dropped).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector512<ulong> Store512(Vector512<ulong> m, int col, int p, double scale, double constant, Span<float> output)
    {
        var signedValid = Avx512F.ConvertToVector512Double(Vector256.LoadUnsafe(ref _signedValid[0], (nuint)((col * _paddedPixels) + p)));
        var dot = BitCounts.ToDouble(m) - Vector512.Create(_bias[col]);
        var value = Avx512F.ConvertToVector256Single((Vector512.Create(scale) * dot) + (Vector512.Create(constant) * signedValid));
        var y = output.Slice(col * _pixels, _pixels);
        if (p + 8 <= _pixels)
        {
            value.CopyTo(y[p..]);
            return m;
        }

        for (var lane = 0; p + lane < _pixels; lane++)
        {
            y[p + lane] = value.GetElement(lane);
        }

        return m & Vector512.LessThan(Vector512.Create((ulong)p) + Vector512<ulong>.Indices, Vector512.Create((ulong)_pixels));
    }

    private long Columns256(ReadOnlySpan<ulong> slots, double scale, double constant, Span<float> output)
    {
        var matched = Vector256<ulong>.Zero;
        var col = 0;
        if (_words <= BitCounts.ByteSumWords)
        {
            for (; col + 4 <= _columns; col += 4)
            {
                matched += FourColumns256(slots, col, scale, constant, output);
            }
        }

        for (; col < _columns; col++)
        {
            matched += Column256(slots, col, scale, constant, output);
        }

        return (long)Vector256.Sum(matched);
    }

    /// <summary>Columns col..col+3 at once (at most 31 words): each slot vector loaded once for four columns.</summary>
    private Vector256<ulong> FourColumns256(ReadOnlySpan<ulong> slots, int col, double scale, double constant, Span<float> output)
    {
        var matched = Vector256<ulong>.Zero;
        var (nibbles, lookup) = (Vector256.Create((byte)0x0F), BitCounts.NibbleCounts);
        var (words, pixels, padded) = (_words, _pixels, _paddedPixels);
        ref var x = ref MemoryMarshal.GetReference(slots);
        ref var w0 = ref _weights[col * words];
        ref var w1 = ref Unsafe.Add(ref w0, words);
        ref var w2 = ref Unsafe.Add(ref w1, words);
        ref var w3 = ref Unsafe.Add(ref w2, words);
        for (var p = 0; p < pixels; p += 4)
        {
            var (b0, b1, b2, b3) = (Vector256<byte>.Zero, Vector256<byte>.Zero, Vector256<byte>.Zero, Vector256<byte>.Zero);
            for (var word = 0; word < words; word++)
            {
                var bits = Vector256.LoadUnsafe(ref x, (nuint)((word * padded) + p));
                b0 += BitCounts.ByteCounts(~(bits ^ Vector256.Create(Unsafe.Add(ref w0, word))), nibbles, lookup);
                b1 += BitCounts.ByteCounts(~(bits ^ Vector256.Create(Unsafe.Add(ref w1, word))), nibbles, lookup);
                b2 += BitCounts.ByteCounts(~(bits ^ Vector256.Create(Unsafe.Add(ref w2, word))), nibbles, lookup);
                b3 += BitCounts.ByteCounts(~(bits ^ Vector256.Create(Unsafe.Add(ref w3, word))), nibbles, lookup);
            }

            matched += Store256(Avx2.SumAbsoluteDifferences(b0, Vector256<byte>.Zero).AsUInt64(), col, p, scale, constant, output);
            matched += Store256(Avx2.SumAbsoluteDifferences(b1, Vector256<byte>.Zero).AsUInt64(), col + 1, p, scale, constant, output);
            matched += Store256(Avx2.SumAbsoluteDifferences(b2, Vector256<byte>.Zero).AsUInt64(), col + 2, p, scale, constant, output);
            matched += Store256(Avx2.SumAbsoluteDifferences(b3, Vector256<byte>.Zero).AsUInt64(), col + 3, p, scale, constant, output);
        }

        return matched;
    }

    /// <summary>One column, any number of words (byte counts summed 31 words at a time).</summary>
    private Vector256<ulong> Column256(ReadOnlySpan<ulong> slots, int col, double scale, double constant, Span<float> output)
    {
        var matched = Vector256<ulong>.Zero;
        var (nibbles, lookup) = (Vector256.Create((byte)0x0F), BitCounts.NibbleCounts);
        var (words, pixels, padded) = (_words, _pixels, _paddedPixels);
        ref var x = ref MemoryMarshal.GetReference(slots);
        var weights = _weights.AsSpan(col * words, words);
        for (var p = 0; p < pixels; p += 4)
        {
            var m = Vector256<ulong>.Zero;
            for (var first = 0; first < words; first += BitCounts.ByteSumWords)
            {
                var bytes = Vector256<byte>.Zero;
                var last = Math.Min(words, first + BitCounts.ByteSumWords);
                for (var word = first; word < last; word++)
                {
                    var bits = Vector256.LoadUnsafe(ref x, (nuint)((word * padded) + p));
                    bytes += BitCounts.ByteCounts(~(bits ^ Vector256.Create(weights[word])), nibbles, lookup);
                }

                m += Avx2.SumAbsoluteDifferences(bytes, Vector256<byte>.Zero).AsUInt64();
            }

            matched += Store256(m, col, p, scale, constant, output);
        }

        return matched;
    }

    /// <summary>Pixels p..p+3 of one column (see <see cref="Store512"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector256<ulong> Store256(Vector256<ulong> m, int col, int p, double scale, double constant, Span<float> output)
    {
        var signedValid = Avx.ConvertToVector256Double(Vector128.LoadUnsafe(ref _signedValid[0], (nuint)((col * _paddedPixels) + p)));
        var dot = BitCounts.ToDouble(m) - Vector256.Create(_bias[col]);
        var value = Avx.ConvertToVector128Single((Vector256.Create(scale) * dot) + (Vector256.Create(constant) * signedValid));
        var y = output.Slice(col * _pixels, _pixels);
        if (p + 4 <= _pixels)
        {
            value.CopyTo(y[p..]);
            return m;
        }

        for (var lane = 0; p + lane < _pixels; lane++)
        {
            y[p + lane] = value.GetElement(lane);
        }

        return m & Vector256.LessThan(Vector256.Create((ulong)p) + Vector256<ulong>.Indices, Vector256.Create((ulong)_pixels));
    }
}
