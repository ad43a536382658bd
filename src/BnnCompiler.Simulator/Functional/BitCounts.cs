using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BnnCompiler.Simulator.Functional;

/// <summary>
/// Popcounts on vectors without a popcount instruction, shared by the crossbar kernels: per byte by table look-up
/// (a 128-entry table with vpermi2b on 512-bit vectors, a nibble table with vpshufb on 256-bit vectors), per 64-bit
/// lane by a sum of the eight bytes (vpsadbw), and the exact conversion of small integer lanes to doubles.
/// </summary>
internal static class BitCounts
{
    /// <summary>Words whose per-byte counts fit a byte accumulator (8 per word).</summary>
    public const int ByteSumWords = 31;

    /// <summary>Bits set in each value 0..63 (the 512-bit table's lower half).</summary>
    public static readonly Vector512<byte> LowCounts = Vector512.Create(Enumerable.Range(0, 64).Select(i => (byte)BitOperations.PopCount((uint)i)).ToArray());

    /// <summary>Bits set in each value 64..127 (the 512-bit table's upper half).</summary>
    public static readonly Vector512<byte> HighCounts = Vector512.Create(Enumerable.Range(64, 64).Select(i => (byte)BitOperations.PopCount((uint)i)).ToArray());

    /// <summary>Bits set in each nibble value 0..15, twice (one copy per 128-bit lane for vpshufb).</summary>
    public static Vector256<byte> NibbleCounts =>
        Vector256.Create((byte)0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4, 0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);

    /// <summary>Bits set in each byte b: table[b mod 128] (vpermi2b reads the low seven bits of each index) plus b's top bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> ByteCounts(Vector512<ulong> v, Vector512<byte> low, Vector512<byte> high, Vector512<byte> one)
    {
        var top = Vector512.ShiftRightLogical(v.AsUInt16(), 7).AsByte() & one;
        return Avx512Vbmi.PermuteVar64x8x2(low, v.AsByte(), high) + top;
    }

    /// <summary>Bits set in each byte by nibble look-up (vpshufb).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> ByteCounts(Vector256<ulong> v, Vector256<byte> nibbles, Vector256<byte> lookup)
    {
        var low = v.AsByte() & nibbles;
        var high = Vector256.ShiftRightLogical(v, 4).AsByte() & nibbles;
        return Avx2.Shuffle(lookup, low) + Avx2.Shuffle(lookup, high);
    }

    /// <summary>Per-64-bit-lane popcount: nibble look-up per byte, then a sum of the eight bytes (vpsadbw).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> PopCount(Vector256<ulong> v, Vector256<byte> nibbles, Vector256<byte> lookup) =>
        Avx2.SumAbsoluteDifferences(ByteCounts(v, nibbles, lookup), Vector256<byte>.Zero).AsUInt64();

    /// <summary>Exact conversion of lanes below 2^52: the integer placed in the mantissa of 2^52, minus 2^52.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> ToDouble(Vector256<ulong> v)
    {
        var magic = Vector256.Create(0x4330000000000000UL);
        return (v | magic).AsDouble() - magic.AsDouble();
    }

    /// <summary>Exact conversion of lanes below 2^52 (see the 256-bit overload).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> ToDouble(Vector512<ulong> v)
    {
        var magic = Vector512.Create(0x4330000000000000UL);
        return (v | magic).AsDouble() - magic.AsDouble();
    }
}
