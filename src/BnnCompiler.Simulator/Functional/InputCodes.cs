using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BnnCompiler.Simulator.Functional;

/// <summary>
/// The integer codes c = round((v − Offset) / Scale) of a layer's input values (ties to even, as
/// <see cref="MathF.Round(float)"/>), eight at a time with 256-bit vectors, and the bit planes of those codes
/// packed as channel bitmaps for <see cref="BlockGather"/>.
/// <code>
///   values [C, pixels] (float) → codes [C, pixels] → bitmaps [plane, pixel, channel word]: bit c of pixel q = bit j of code (c, q)
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
}
