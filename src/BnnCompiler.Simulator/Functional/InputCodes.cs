using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BnnCompiler.Simulator.Functional;

/// <summary>
/// The integer codes c = round((v − Offset) / Scale) of a layer's input values (ties to even, as
/// <see cref="MathF.Round(float)"/>), eight at a time with 256-bit vectors, and the bit planes of those codes
/// packed as channel bitmaps for <see cref="BlockGather"/>.
/// <code>
///   values [C, pixels] (float) → codes [C, pixels] → bitmaps [plane, pixel, channel word]: bit c of pixel q = bit j of code (c, q)
///                                               or fields [channel word, pixel + 1] of one plane, pixel-major, eight pixels at a time
/// </code>
/// </summary>
internal static class InputCodes
{
    /// <summary>Codes of <paramref name="input"/> into <paramref name="codes"/> (at least as long).</summary>
    public static void Convert(ReadOnlySpan<float> input, float offset, float divisor, Span<int> codes)
    {
        var i = 0;
        var pow2 = float.IsPow2(MathF.Abs(divisor));
        var reciprocal = 1f / divisor;
        if (Vector256.IsHardwareAccelerated)
        {
            var values = MemoryMarshal.Cast<float, Vector256<float>>(input);
            var target = MemoryMarshal.Cast<int, Vector256<int>>(codes);
            var offsets = Vector256.Create(offset);
            for (var v = 0; v < values.Length; v++, i += 8)
            {
                // x / 2^e and x · 2^−e are the same float; the multiply is cheaper.
                var scaled = pow2 ? (values[v] - offsets) * Vector256.Create(reciprocal) : (values[v] - offsets) / Vector256.Create(divisor);
                target[v] = Vector256.ConvertToInt32(Vector256.Round(scaled));
            }
        }

        for (; i < input.Length; i++)
        {
            codes[i] = (int)MathF.Round(pow2 ? (input[i] - offset) * reciprocal : (input[i] - offset) / divisor);
        }
    }

    /// <summary>
    /// The low <paramref name="planes"/> bit planes of codes [channel, pixel] as channel bitmaps
    /// [plane, pixel, channel word] (<paramref name="bitmaps"/> is overwritten).
    /// </summary>
    public static void Pack(ReadOnlySpan<int> codes, int channels, int inputPixels, int planes, Span<ulong> bitmaps)
    {
        var cw = (channels + 63) / 64;
        var planeWords = inputPixels * cw;
        bitmaps[..(planes * planeWords)].Clear();
        var first = 0;
        if (inputPixels == 1 && Vector256.IsHardwareAccelerated)
        {
            // One pixel (a dense layer): eight channels' bits of a plane are the sign bits of the codes shifted up.
            for (; first + 8 <= channels; first += 8)
            {
                var chunk = Vector256.Create(codes.Slice(first, 8));
                for (var j = 0; j < planes; j++)
                {
                    var bits = Vector256.ExtractMostSignificantBits(Vector256.ShiftLeft(chunk, 31 - j));
                    bitmaps[(j * planeWords) + (first >> 6)] |= (ulong)bits << (first & 63);
                }
            }
        }

        for (var c = first; c < channels; c++)
        {
            var shift = c & 63;
            var source = codes.Slice(c * inputPixels, inputPixels);
            for (var j = 0; j < planes; j++)
            {
                var target = bitmaps.Slice((j * planeWords) + (c >> 6), planeWords - (c >> 6));
                for (var q = 0; q < source.Length; q++)
                {
                    target[q * cw] |= (ulong)((source[q] >> j) & 1) << shift;
                }
            }
        }
    }

    /// <summary>
    /// Bit <paramref name="plane"/> of codes [channel, pixel] as fields [channel word, input pixel + 1]: word w of pixel q
    /// holds channels 64w.. of q; the extra pixel of each word stays zero (what a window reads in the padding).
    /// </summary>
    public static void PackFields(ReadOnlySpan<int> codes, int channels, int inputPixels, int plane, Span<ulong> fields)
    {
        var q = inputPixels;
        var stride = q + 1;
        var words = (channels + 63) / 64;
        fields[..(words * stride)].Clear();
        ref var source = ref MemoryMarshal.GetReference(codes);
        var one = Vector256.Create(1u);
        for (var word = 0; word < words; word++)
        {
            var target = fields.Slice(word * stride, q);
            var first = word * 64;
            var last = Math.Min(channels, first + 64);
            var i = 0;
            for (; i + 8 <= q; i += 8)
            {
                var low = Vector256<ulong>.Zero;
                var high = Vector256<ulong>.Zero;
                for (var c = first; c < last; c++)
                {
                    var bits = Vector256.ShiftRightLogical(Vector256.LoadUnsafe(ref source, (nuint)((c * q) + i)).AsUInt32(), plane) & one;
                    var (lo, hi) = Vector256.Widen(bits);
                    low |= Vector256.ShiftLeft(lo, c - first);
                    high |= Vector256.ShiftLeft(hi, c - first);
                }

                low.CopyTo(target[i..]);
                high.CopyTo(target[(i + 4)..]);
            }

            for (; i < q; i++)
            {
                var bits = 0UL;
                for (var c = first; c < last; c++)
                {
                    bits |= (ulong)((codes[(c * q) + i] >> plane) & 1) << (c - first);
                }

                target[i] = bits;
            }
        }
    }
}
