using BnnCompiler.Core.Interpretation;
using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;
using BnnCompiler.Core.Randomness;
using BnnCompiler.Simulator.Analog;

namespace BnnCompiler.Simulator.Tests.Analog;

/// <summary>
/// The shortcuts of the analog layer's per-pixel work give what the plain computation gives: the driven rows built a word
/// at a time from channel bitmaps or from the codes equal the rows gathered one at a time, with the same matches, in every layout; and the
/// read-noise bounds hold every draw of their bucket, so deciding a code from them equals drawing it.
/// </summary>
public sealed class AnalogDriveTests
{
    public static TheoryData<string, int, int> Layouts => new()
    {
        { "conv 32 ch 3x3 pad 1", 64, 1 },
        { "conv 70 ch 3x3 pad 1 stride 2", 64, 1 },
        { "conv 1 ch 3x3 pad 1, 8 planes", 64, 8 },
        { "conv 5 ch 5x5 no pad, 3 planes, 2 words a block", 128, 3 },
        { "conv 64 ch 3x3 pad 1, 1 word blocks of 32", 32, 1 },
        { "dense 3136", 64, 1 },
        { "dense 100, 2 words a block", 128, 2 },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Should_Drive_The_Same_Rows_From_Bit_Planes_As_Row_By_Row(string name, int rowsPerBlock, int planes)
    {
        var layout = name switch
        {
            "conv 32 ch 3x3 pad 1" => LinearLayout.Convolution(32, 16, new WindowGeometry(3, 3, 1, 1, 1, 1, 1, 1), 9, 7),
            "conv 70 ch 3x3 pad 1 stride 2" => LinearLayout.Convolution(70, 8, new WindowGeometry(3, 3, 2, 2, 1, 1, 1, 1), 8, 8),
            "conv 1 ch 3x3 pad 1, 8 planes" => LinearLayout.Convolution(1, 32, new WindowGeometry(3, 3, 1, 1, 1, 1, 1, 1), 6, 6),
            "conv 5 ch 5x5 no pad, 3 planes, 2 words a block" => LinearLayout.Convolution(5, 4, new WindowGeometry(5, 5), 7, 9),
            "conv 64 ch 3x3 pad 1, 1 word blocks of 32" => LinearLayout.Convolution(64, 8, new WindowGeometry(3, 3, 1, 1, 1, 1, 1, 1), 5, 5),
            "dense 3136" => LinearLayout.Dense(3136, 12),
            _ => LinearLayout.Dense(100, 3),
        };
        var im2col = Im2Col.For(layout);
        var inputLength = layout.Window is null ? layout.Rows : layout.InChannels * layout.InputHeight * layout.InputWidth;
        var random = new SplitMix64(17);
        var positives = Enumerable.Range(0, layout.Rows).Select(_ => (int)(random.NextUInt64() % (ulong)(layout.Columns + 1))).ToArray();
        var rows = new AnalogPixelRows(layout, im2col, inputLength, rowsPerBlock, positives);
        var runs = ChannelRuns.TryBuild(layout, im2col, rowsPerBlock);
        Assert.NotNull(runs);
        var words = planes * rows.Blocks * rows.WordsPerBlock;
        for (var image = 0; image < 3; image++)
        {
            var codes = new int[inputLength + 1];
            for (var i = 0; i < inputLength; i++)
            {
                codes[i] = (int)(random.NextUInt64() % (1UL << planes));
            }

            var bitmaps = rows.Planes(codes, planes);
            Assert.Equal(planes < AnalogPixelRows.CodePlanes, bitmaps is not null);
            var channelBitmaps = new ulong[Math.Max(1, planes * runs.PlaneWords)];
            runs.Bitmaps(codes.AsSpan(0, inputLength), planes, channelBitmaps);
            for (var p = 0; p < rows.Pixels; p++)
            {
                var byWords = new ulong[words];
                var byRows = new ulong[words];
                var matchesByWords = rows.Drive(p, codes, bitmaps, planes, byWords);
                var matchesByRows = rows.DriveRows(p, codes, planes, byRows);
                Assert.Equal(byRows, byWords);
                Assert.Equal(matchesByRows, matchesByWords);

                // Whichever path Drive took (codes for several planes), the channel bitmaps' words agree too.
                var fromBitmaps = new ulong[words];
                Assert.Equal(matchesByRows, rows.Drive(p, codes, channelBitmaps, planes, fromBitmaps));
                Assert.Equal(byRows, fromBitmaps);
            }
        }
    }

    [Fact]
    public void Should_Bound_Every_Draw_Of_A_Bucket()
    {
        var low = NoiseBounds.Low;
        var high = NoiseBounds.High;
        Assert.Equal(NoiseBounds.Buckets, low.Length);
        var random = new SplitMix64(5);
        for (var i = 0; i < 200_000; i++)
        {
            var q = (int)(random.NextUInt64() >> 41);
            var z = NoiseBounds.Draw(q);
            Assert.InRange(z, low[q >> NoiseBounds.Shift], high[q >> NoiseBounds.Shift]);
        }

        // Each bound is reached: the bucket's first draw is its least, its last its greatest (the quantile grows with p).
        for (var b = 0; b < NoiseBounds.Buckets; b++)
        {
            Assert.Equal(NoiseBounds.Draw(b << NoiseBounds.Shift), low[b]);
            Assert.Equal(NoiseBounds.Draw(((b + 1) << NoiseBounds.Shift) - 1), high[b]);
        }

        // Near the median a bucket spans about 2⁻⁸/φ(0) ≈ 0.0098 of z, in the far tails up to 2.7.
        Assert.InRange(high[128] - low[128], 0.009, 0.011);
        Assert.InRange(high[0] - low[0], 2.5, 3.0);
    }

    [Fact]
    public void Should_Count_The_Matches_Of_A_Word_From_Bit_Slices()
    {
        // Rows 0..2 have 3, 1 and 2 positive weights of N = 4; rows 0 and 2 driven: (2·3 − 4) + (2·2 − 4) = 2.
        var gains = new RowGainSlices([3, 1, 2], 4, 64);
        Assert.Equal(2, gains.Gain(0, 0b101));
        Assert.Equal(-2, gains.Gain(0, 0b010));
        Assert.Equal(0, gains.Gain(0, 0));

        // Bits beyond the block's rows bring nothing; a second block starts at its own word.
        var twoBlocks = new RowGainSlices([4, 0, 1, 3], 4, 2);
        Assert.Equal(4 - 4, twoBlocks.Gain(0, 0b111));
        Assert.Equal((-2) + 2, twoBlocks.Gain(1, 0b11));
    }

    [Fact]
    public void Should_Pack_Both_Bounds_Of_A_Bucket_Rounded_Outward()
    {
        for (var b = 0; b < NoiseBounds.Buckets; b++)
        {
            var (low, high) = NoiseBounds.Unpack(NoiseBounds.Packed(b));
            Assert.True(low <= NoiseBounds.Low[b] && high >= NoiseBounds.High[b], $"bucket {b}: [{low}, {high}] does not hold [{NoiseBounds.Low[b]}, {NoiseBounds.High[b]}]");

            // Outward by less than one step of the 16-bit half (2^-7 of the value).
            Assert.InRange(NoiseBounds.Low[b] - low, 0f, MathF.Abs(NoiseBounds.Low[b]) / 128);
            Assert.InRange(high - NoiseBounds.High[b], 0f, MathF.Abs(NoiseBounds.High[b]) / 128);
        }

        if (AnalogVectorKernel.IsSupported)
        {
            var packed = NoiseBounds.PackedVectors();
            var buckets = ((System.Runtime.Intrinsics.Vector512.Create(0, 9, 2, 7, 4, 13, 6, 1, 8, 3, 10, 15, 12, 5, 14, 11) * 17) + System.Runtime.Intrinsics.Vector512.Create(3)) & System.Runtime.Intrinsics.Vector512.Create(NoiseBounds.Buckets - 1);
            var (lows, highs) = NoiseBounds.LookupBoth(packed, buckets);
            for (var lane = 0; lane < 16; lane++)
            {
                Assert.Equal(NoiseBounds.Unpack(NoiseBounds.Packed(buckets[lane])), (lows[lane], highs[lane]));
            }
        }
    }

    [Fact]
    public void Should_Look_Up_Every_Bucket_Sixteen_At_A_Time()
    {
        if (!AnalogVectorKernel.IsSupported)
        {
            Assert.False(System.Runtime.Intrinsics.X86.Avx512DQ.IsSupported && System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated);
            return;
        }

        var table = NoiseBounds.Vectors(NoiseBounds.High);
        for (var first = 0; first < NoiseBounds.Buckets; first += 16)
        {
            var buckets = System.Runtime.Intrinsics.Vector512.Create(first) + System.Runtime.Intrinsics.Vector512.Create(0, 9, 2, 7, 4, 13, 6, 1, 8, 3, 10, 15, 12, 5, 14, 11);
            var lanes = NoiseBounds.Lookup(table, (buckets * 37) & System.Runtime.Intrinsics.Vector512.Create(NoiseBounds.Buckets - 1));
            for (var lane = 0; lane < 16; lane++)
            {
                Assert.Equal(NoiseBounds.High[(buckets[lane] * 37) & (NoiseBounds.Buckets - 1)], lanes[lane]);
            }
        }
    }

    [Fact]
    public void Should_Look_Up_Every_Coarse_Bucket_Eight_At_A_Time()
    {
        if (!System.Runtime.Intrinsics.X86.Avx2.IsSupported)
        {
            return;
        }

        var low = NoiseBounds.CoarseVectors(low: true);
        var high = NoiseBounds.CoarseVectors(low: false);
        const int fine = 1 << (NoiseBounds.CoarseShift - NoiseBounds.Shift);
        for (var first = 0; first < 32; first += 8)
        {
            var buckets = System.Runtime.Intrinsics.Vector256.Create(first) + System.Runtime.Intrinsics.Vector256.Create(3, 0, 7, 1, 6, 2, 5, 4);
            var least = NoiseBounds.Lookup(low, buckets);
            var most = NoiseBounds.Lookup(high, buckets);
            for (var lane = 0; lane < 8; lane++)
            {
                var coarse = buckets[lane];
                Assert.Equal(NoiseBounds.Low[coarse * fine], least[lane]);
                Assert.Equal(NoiseBounds.High[(coarse * fine) + fine - 1], most[lane]);
            }
        }

        var random = new SplitMix64(9);
        var lows = Enumerable.Range(0, 32).Select(b => NoiseBounds.Lookup(low, System.Runtime.Intrinsics.Vector256.Create(b))[0]).ToArray();
        var highs = Enumerable.Range(0, 32).Select(b => NoiseBounds.Lookup(high, System.Runtime.Intrinsics.Vector256.Create(b))[0]).ToArray();
        for (var i = 0; i < 100_000; i++)
        {
            var q = (int)(random.NextUInt64() >> 41);
            Assert.InRange(NoiseBounds.Draw(q), lows[q >> NoiseBounds.CoarseShift], highs[q >> NoiseBounds.CoarseShift]);
        }
    }
}
