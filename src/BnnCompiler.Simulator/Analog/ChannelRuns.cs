using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using BnnCompiler.Core.Interpretation;
using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// The driven rows of one output pixel from the input's bit planes, a word of 64 rows at a time. Row k = c·A + t reads
/// channel c at kernel offset t (A = k_h·k_w; a dense layer has A = 1 and one input pixel), so inside one word the rows
/// of offset t are the channels of one input pixel spaced A bits apart: one run per (word, offset), whose channel bits
/// are cut from that pixel's channel bitmap and spread into place by one bit deposit (PDEP):
/// <code>
///   rows 0..63 of a 3×3 layer, t = 4: channels 0..6 of the centre pixel → bits 4, 13, 22, …, 58 of the word
/// </code>
/// Built from the layer's window table, which must read input (c, pixel) at c·H·W + pixel; <see cref="TryBuild"/>
/// returns null otherwise (the caller gathers row by row).
/// </summary>
internal sealed class ChannelRuns
{
    private readonly int _area;
    private readonly int _channels;
    private readonly int _inputPixels;
    private readonly int _channelWords;
    private readonly int[] _source;     // [output pixel, t]: the input pixel read, −1 in the padding
    private readonly Run[] _runs;
    private readonly int[] _runStart;   // [block word]: first run; one more entry at the end

    private ChannelRuns(int area, int channels, int inputPixels, int[] source, Run[] runs, int[] runStart)
    {
        _area = area;
        _channels = channels;
        _inputPixels = inputPixels;
        _channelWords = (channels + 63) / 64;
        _source = source;
        _runs = runs;
        _runStart = runStart;
    }

    /// <summary>The runs of every word of every row block, or null when the window table is not laid out as c·H·W + pixel.</summary>
    public static ChannelRuns? TryBuild(LinearLayout layout, Im2Col im2col, int rowsPerBlock)
    {
        var area = layout.Window is { } w ? w.KernelH * w.KernelW : 1;
        var channels = layout.Window is null ? layout.Rows : layout.InChannels;
        var inputPixels = layout.Window is null ? 1 : layout.InputHeight * layout.InputWidth;
        var k = layout.Rows;
        if (channels * area != k || im2col.Rows != k)
        {
            return null;
        }

        var source = new int[im2col.Pixels * area];
        for (var p = 0; p < im2col.Pixels; p++)
        {
            for (var t = 0; t < area; t++)
            {
                var s = im2col.Table[(p * k) + t];
                source[(p * area) + t] = s < 0 ? -1 : s;
                if (s >= inputPixels)
                {
                    return null;
                }
            }

            for (var r = 0; r < k; r++)
            {
                var s = source[(p * area) + (r % area)];
                if (im2col.Table[(p * k) + r] != (s < 0 ? -1 : ((r / area) * inputPixels) + s))
                {
                    return null;
                }
            }
        }

        var blocks = (k + rowsPerBlock - 1) / rowsPerBlock;
        var wordsPerBlock = (rowsPerBlock + 63) / 64;
        var runs = new List<Run>();
        var runStart = new int[(blocks * wordsPerBlock) + 1];
        for (var b = 0; b < blocks; b++)
        {
            for (var word = 0; word < wordsPerBlock; word++)
            {
                runStart[(b * wordsPerBlock) + word] = runs.Count;
                var first = (b * rowsPerBlock) + (word * 64);
                var last = Math.Min(Math.Min(k, (b + 1) * rowsPerBlock), first + 64);
                for (var t = 0; t < area && first < last; t++)
                {
                    // Channels c with first ≤ c·A + t < last, consecutive.
                    var low = Math.Max(0, (first - t + area - 1) / area);
                    var high = (last - 1 - t) / area;
                    if (last - 1 - t < 0 || high < low)
                    {
                        continue;
                    }

                    ulong mask = 0;
                    for (var c = low; c <= high; c++)
                    {
                        mask |= 1UL << ((c * area) + t - first);
                    }

                    runs.Add(new Run(t, low, high - low + 1, mask));
                }
            }
        }

        runStart[^1] = runs.Count;
        return new ChannelRuns(area, channels, inputPixels, source, [.. runs], runStart);
    }

    /// <summary>Entries of a plane's bitmaps: one word per 64 channels, per input pixel.</summary>
    public int PlaneWords => _inputPixels * _channelWords;

    /// <summary>
    /// The input's bit planes as channel bitmaps: <paramref name="bitmaps"/>[plane, input pixel, channel word], bit c % 64
    /// of word c / 64 is bit j of the code of (c, pixel).
    /// </summary>
    public void Bitmaps(ReadOnlySpan<int> codes, int planes, ulong[] bitmaps)
    {
        Array.Clear(bitmaps, 0, planes * PlaneWords);
        for (var c = 0; c < _channels; c++)
        {
            var row = codes.Slice(c * _inputPixels, _inputPixels);
            var at = c >> 6;
            var bit = c & 63;
            for (var s = 0; s < row.Length; s++)
            {
                var code = row[s];
                var word = (s * _channelWords) + at;
                for (var j = 0; j < planes; j++, word += PlaneWords)
                {
                    bitmaps[word] |= (ulong)((code >> j) & 1) << bit;
                }
            }
        }
    }

    /// <summary>Word <paramref name="blockWord"/> (block · words per block + word) of pixel p's driven rows in plane j.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Word(int p, int blockWord, ReadOnlySpan<ulong> plane)
    {
        if (plane.Length < PlaneWords)
        {
            throw new ArgumentException("a plane has one word per 64 channels per input pixel", nameof(plane));
        }

        // Unchecked reads: a run's source pixel is below the input's pixels and its channels inside the bitmap (TryBuild).
        ulong word = 0;
        ref var sources = ref _source[p * _area];
        ref var runs = ref MemoryMarshal.GetArrayDataReference(_runs);
        ref var bitmap = ref MemoryMarshal.GetReference(plane);
        var end = _runStart[blockWord + 1];
        for (var i = _runStart[blockWord]; i < end; i++)
        {
            ref readonly var run = ref Unsafe.Add(ref runs, i);
            var s = Unsafe.Add(ref sources, run.Offset);
            if (s < 0)
            {
                continue;
            }

            var at = (s * _channelWords) + run.Word;
            var bits = Unsafe.Add(ref bitmap, at) >> run.Shift;
            if (run.Straddles)
            {
                bits |= Unsafe.Add(ref bitmap, at + 1) << (64 - run.Shift);
            }

            word |= Deposit(bits, run.Mask);
        }

        return word;
    }

    /// <summary>The low bits of <paramref name="bits"/> placed at the set bits of <paramref name="mask"/>, in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Deposit(ulong bits, ulong mask)
    {
        if (Bmi2.X64.IsSupported)
        {
            return Bmi2.X64.ParallelBitDeposit(bits, mask);
        }

        ulong result = 0;
        for (; mask != 0; mask &= mask - 1, bits >>= 1)
        {
            result |= (bits & 1) == 0 ? 0 : mask & (0 - mask);
        }

        return result;
    }

    /// <summary>One run: kernel offset t, channels [Channel, Channel + Length), deposited at the bits of Mask.</summary>
    private readonly record struct Run(int Offset, int Channel, int Length, ulong Mask)
    {
        /// <summary>The channel word holding the first channel.</summary>
        public int Word { get; } = Channel >> 6;

        /// <summary>The first channel's bit in that word.</summary>
        public int Shift { get; } = Channel & 63;

        /// <summary>True when the channels continue in the next word.</summary>
        public bool Straddles { get; } = (Channel & 63) + Length > 64;
    }
}
