using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// Bounds on a read-noise draw from the leading bits of its uniform, so that most conversions are decided without the
/// quantile. A draw of <see cref="ReadNoiseStream"/> is z = Φ⁻¹(((q + ½)·2⁻²³) with q the 23 bits of its uniform;
/// bucket i = q ≫ 15 (256 buckets of 32,768 values each) has z in [<see cref="Low"/>[i], <see cref="High"/>[i]], the
/// least and greatest of <see cref="NormalQuantile.Of(float)"/> over every q of the bucket (computed once, over all
/// 2²³ values). A conversion's code ⌊level + σ·z⌋ (clamped to 0..top, each operation rounded) never decreases as z
/// grows, so when the bounds give the same code every z of the bucket does, and the quantile is not needed:
/// <code>
///   q = 0x3A1F00 → bucket 116 → z in [−0.1432, −0.1333]; level 6.71, σ 0.12 → codes 6 and 6 → code 6, no quantile
/// </code>
/// </summary>
internal static class NoiseBounds
{
    /// <summary>Bits of q that pick the bucket (q ≫ <see cref="Shift"/>).</summary>
    public const int Shift = 15;

    /// <summary>How many buckets.</summary>
    public const int Buckets = 1 << (23 - Shift);

    /// <summary>Bits of q that pick a coarse bucket of 256-bit vectors (32 buckets, each eight of the fine ones).</summary>
    public const int CoarseShift = 18;

    private static readonly Lazy<(float[] Low, float[] High)> Tables = new(Build);

    /// <summary>Per bucket: the least draw.</summary>
    public static float[] Low => Tables.Value.Low;

    /// <summary>Per bucket: the greatest draw.</summary>
    public static float[] High => Tables.Value.High;

    /// <summary>The draw of uniform bits q (23 bits): Φ⁻¹((q + ½)·2⁻²³), as <see cref="ReadNoiseStream.Next"/> computes it.</summary>
    public static float Draw(int q) => NormalQuantile.Of((q + 0.5f) * (1f / (1 << 23)));

    /// <summary>The table of one bound as 512-bit vectors of sixteen buckets each, for <see cref="Lookup"/>.</summary>
    public static Vector512<float>[] Vectors(float[] bound) =>
        [.. Enumerable.Range(0, Buckets / 16).Select(i => Vector512.Create(bound.AsSpan(i * 16, 16)))];

    /// <summary>
    /// Both bounds of every bucket in one 32-bit entry as 512-bit vectors of sixteen buckets, for
    /// <see cref="LookupBoth"/>: the low bound in bits 0–15, the high bound in bits 16–31, each the high half of a float
    /// rounded outward (<see cref="Packed"/>), so one look-up gives both and they still hold every draw of the bucket.
    /// </summary>
    public static Vector512<float>[] PackedVectors()
    {
        var packed = Enumerable.Range(0, Buckets).Select(i => BitConverter.UInt32BitsToSingle(Packed(i))).ToArray();
        return Vectors(packed);
    }

    /// <summary>Bucket i's entry of <see cref="PackedVectors"/>: the 16 high bits of a float ≤ Low[i] and of one ≥ High[i].</summary>
    public static uint Packed(int i) => (Outward(High[i], up: true) & 0xFFFF0000u) | (Outward(Low[i], up: false) >> 16);

    /// <summary>The two bounds of a packed entry: the low bound from bits 0–15, the high bound from bits 16–31.</summary>
    public static (float Low, float High) Unpack(uint entry) =>
        (BitConverter.UInt32BitsToSingle(entry << 16), BitConverter.UInt32BitsToSingle(entry & 0xFFFF0000u));

    /// <summary>Sixteen buckets' low and high bounds from one look-up of the packed table (<see cref="PackedVectors"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector512<float> Low, Vector512<float> High) LookupBoth(Vector512<float>[] packed, Vector512<int> bucket)
    {
        var entry = Lookup(packed, bucket).AsInt32();
        return ((entry << 16).AsSingle(), (entry & Vector512.Create(unchecked((int)0xFFFF0000))).AsSingle());
    }

    /// <summary>
    /// The table of one bound over the 32 coarse buckets (q ≫ <see cref="CoarseShift"/>) as 256-bit vectors of eight
    /// buckets each, for <see cref="Lookup(Vector256{float}[], Vector256{int})"/>: the least of eight fine buckets'
    /// low bounds, or the greatest of their high bounds.
    /// </summary>
    public static Vector256<float>[] CoarseVectors(bool low)
    {
        const int fine = 1 << (CoarseShift - Shift);
        var bound = low ? Low : High;
        var coarse = Enumerable.Range(0, Buckets / fine)
            .Select(i => low ? bound.AsSpan(i * fine, fine).ToArray().Min() : bound.AsSpan(i * fine, fine).ToArray().Max()).ToArray();
        return [.. Enumerable.Range(0, coarse.Length / 8).Select(i => Vector256.Create(coarse.AsSpan(i * 8, 8)))];
    }

    /// <summary>Eight entries of a coarse table at once: lane i is table[bucket_i] for buckets 0..31.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Lookup(Vector256<float>[] t, Vector256<int> bucket)
    {
        var a = Avx2.PermuteVar8x32(t[0], bucket);
        var b = Avx2.PermuteVar8x32(t[1], bucket);
        var c = Avx2.PermuteVar8x32(t[2], bucket);
        var d = Avx2.PermuteVar8x32(t[3], bucket);
        var bit3 = Vector256.Equals(bucket & Vector256.Create(8), Vector256.Create(8)).AsSingle();
        var bit4 = Vector256.Equals(bucket & Vector256.Create(16), Vector256.Create(16)).AsSingle();
        return Vector256.ConditionalSelect(bit4, Vector256.ConditionalSelect(bit3, d, c), Vector256.ConditionalSelect(bit3, b, a));
    }

    /// <summary>Sixteen table entries at once: lane i is table[bucket_i] for buckets 0..255 (eight 32-entry permutes' worth).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Lookup(Vector512<float>[] t, Vector512<int> bucket)
    {
        var a = Avx512F.PermuteVar16x32x2(t[0], bucket, t[1]);
        var b = Avx512F.PermuteVar16x32x2(t[2], bucket, t[3]);
        var c = Avx512F.PermuteVar16x32x2(t[4], bucket, t[5]);
        var d = Avx512F.PermuteVar16x32x2(t[6], bucket, t[7]);
        var e = Avx512F.PermuteVar16x32x2(t[8], bucket, t[9]);
        var f = Avx512F.PermuteVar16x32x2(t[10], bucket, t[11]);
        var g = Avx512F.PermuteVar16x32x2(t[12], bucket, t[13]);
        var h = Avx512F.PermuteVar16x32x2(t[14], bucket, t[15]);
        var bit5 = Vector512.Equals(bucket & Vector512.Create(32), Vector512.Create(32)).AsSingle();
        var bit6 = Vector512.Equals(bucket & Vector512.Create(64), Vector512.Create(64)).AsSingle();
        var bit7 = Vector512.Equals(bucket & Vector512.Create(128), Vector512.Create(128)).AsSingle();
        var low = Vector512.ConditionalSelect(bit6, Vector512.ConditionalSelect(bit5, d, c), Vector512.ConditionalSelect(bit5, b, a));
        var high = Vector512.ConditionalSelect(bit6, Vector512.ConditionalSelect(bit5, h, g), Vector512.ConditionalSelect(bit5, f, e));
        return Vector512.ConditionalSelect(bit7, high, low);
    }

    /// <summary>A float's bits with the low 16 cleared, moved one step of the high half outward (down, or up) where that drops a part.</summary>
    private static uint Outward(float x, bool up)
    {
        var bits = BitConverter.SingleToUInt32Bits(x);
        var kept = bits & 0xFFFF0000u;
        var away = up ? x > 0 : x < 0;   // the direction in which a larger magnitude moves the value
        return kept != bits && away ? kept + 0x10000u : kept;
    }

    private static (float[] Low, float[] High) Build()
    {
        var low = new float[Buckets];
        var high = new float[Buckets];
        const int perBucket = 1 << Shift;
        for (var i = 0; i < Buckets; i++)
        {
            var min = float.PositiveInfinity;
            var max = float.NegativeInfinity;
            var first = i * perBucket;
            var q = 0;
            if (Vector512.IsHardwareAccelerated)
            {
                var lanes = Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
                var least = Vector512.Create(float.PositiveInfinity);
                var most = Vector512.Create(float.NegativeInfinity);
                for (; q < perBucket; q += 16)
                {
                    var z = ReadNoiseStream.Normal(Vector512.Create(first + q) + lanes);
                    least = Vector512.Min(least, z);
                    most = Vector512.Max(most, z);
                }

                for (var lane = 0; lane < 16; lane++)
                {
                    min = MathF.Min(min, least[lane]);
                    max = MathF.Max(max, most[lane]);
                }
            }
            else if (Vector256.IsHardwareAccelerated)
            {
                var lanes = Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7);
                var least = Vector256.Create(float.PositiveInfinity);
                var most = Vector256.Create(float.NegativeInfinity);
                for (; q < perBucket; q += 8)
                {
                    var z = ReadNoiseStream.Normal(Vector256.Create(first + q) + lanes);
                    least = Vector256.Min(least, z);
                    most = Vector256.Max(most, z);
                }

                for (var lane = 0; lane < 8; lane++)
                {
                    min = MathF.Min(min, least[lane]);
                    max = MathF.Max(max, most[lane]);
                }
            }

            for (; q < perBucket; q++)
            {
                var z = Draw(first + q);
                min = MathF.Min(min, z);
                max = MathF.Max(max, z);
            }

            low[i] = min;
            high[i] = max;
        }

        return (low, high);
    }
}
