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
        var (low, high, one) = (BitCounts.LowCounts, BitCounts.HighCounts, Vector512.Create((byte)1));
        var (scales, constants) = (Vector512.Create(scale), Vector512.Create(constant));
        var (words, pixels, padded) = (_words, _pixels, _paddedPixels);
        ref var x = ref MemoryMarshal.GetReference(slots);
        ref var validSums = ref MemoryMarshal.GetArrayDataReference(_signedValid);
        Span<float> lanes = stackalloc float[8];
        for (var col = 0; col < _columns; col++)
        {
            var weights = _weights.AsSpan(col * words, words);
            var bias = Vector512.Create(_bias[col]);
            var y = output.Slice(col * pixels, pixels);
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
                        var same = Avx512F.TernaryLogic(bits, Vector512.Create(weights[word]), bits, Xnor);
                        bytes += BitCounts.ByteCounts(same, low, high, one);
                    }

                    m += Avx512BW.SumAbsoluteDifferences(bytes, Vector512<byte>.Zero).AsUInt64();
                }

                var signedValid = Avx512F.ConvertToVector512Double(Vector256.LoadUnsafe(ref validSums, (nuint)((col * padded) + p)));
                var value = Avx512F.ConvertToVector256Single((scales * (BitCounts.ToDouble(m) - bias)) + (constants * signedValid));
                if (p + 8 <= pixels)
                {
                    matched += m;
                    value.CopyTo(y[p..]);
                    continue;
                }

                // The last group: lanes past the last pixel read zero slots and are dropped.
                matched += m & Vector512.LessThan(Vector512.Create((ulong)p) + Vector512<ulong>.Indices, Vector512.Create((ulong)pixels));
                value.CopyTo(lanes);
                lanes[..(pixels - p)].CopyTo(y[p..]);
            }
        }

        return (long)Vector512.Sum(matched);
    }

    private long Columns256(ReadOnlySpan<ulong> slots, double scale, double constant, Span<float> output)
    {
        var matched = Vector256<ulong>.Zero;
        var (nibbles, lookup) = (Vector256.Create((byte)0x0F), BitCounts.NibbleCounts);
        var (scales, constants) = (Vector256.Create(scale), Vector256.Create(constant));
        var (words, pixels, padded) = (_words, _pixels, _paddedPixels);
        ref var x = ref MemoryMarshal.GetReference(slots);
        ref var validSums = ref MemoryMarshal.GetArrayDataReference(_signedValid);
        Span<float> lanes = stackalloc float[4];
        for (var col = 0; col < _columns; col++)
        {
            var weights = _weights.AsSpan(col * words, words);
            var bias = Vector256.Create(_bias[col]);
            var y = output.Slice(col * pixels, pixels);
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

                var signedValid = Avx.ConvertToVector256Double(Vector128.LoadUnsafe(ref validSums, (nuint)((col * padded) + p)));
                var value = Avx.ConvertToVector128Single((scales * (BitCounts.ToDouble(m) - bias)) + (constants * signedValid));
                if (p + 4 <= pixels)
                {
                    matched += m;
                    value.CopyTo(y[p..]);
                    continue;
                }

                matched += m & Vector256.LessThan(Vector256.Create((ulong)p) + Vector256<ulong>.Indices, Vector256.Create((ulong)pixels));
                value.CopyTo(lanes);
                lanes[..(pixels - p)].CopyTo(y[p..]);
            }
        }

        return (long)Vector256.Sum(matched);
    }
}
