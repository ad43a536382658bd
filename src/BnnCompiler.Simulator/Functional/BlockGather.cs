using BnnCompiler.Core.Interpretation;
using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Simulator.Functional;

/// <summary>
/// Where each weight row of a row block sits in its subarray, and how one output pixel's input bits reach
/// those rows. A layer's rows are k = c·A + t (input channel c, kernel offset t of A = k_h·k_w; a dense layer
/// has A = 1). Block b holds the contiguous rows [start_b, start_b + count_b); inside the block, rows are laid
/// out by kernel offset, then channel ("slots"), so the rows that read offset t form one run of consecutive
/// channels. The input is kept per bit plane as channel bitmaps (one bit per channel, per input pixel), so a
/// run is one shifted word copy instead of a bit per row. Which rows a pixel drives (padding rows are not
/// driven) depends only on which offsets fall inside the image: pixels with the same pattern share a class.
/// <code>
///   rows (c·9 + t) 0..63 of a 3×3 layer  →  slots: t=0: c0..c7 | t=1: c0..c7 | … | t=8: c0..c6
/// </code>
/// </summary>
internal sealed class BlockGather
{
    private readonly int[] _sourcePixel;     // [output pixel, t]: input pixel read, −1 in the padding
    private readonly int _kernelArea;
    private readonly BlockRun[] _runs;

    public BlockGather(LinearLayout layout, IReadOnlyList<int> blockRows, int wordsPerBlock)
    {
        var rows = layout.Rows;
        _kernelArea = layout.Window is { } w ? w.KernelH * w.KernelW : 1;
        Channels = layout.Window is null ? rows : layout.InChannels;
        InputPixels = layout.Window is null ? 1 : layout.InputHeight * layout.InputWidth;
        ChannelWords = (Channels + 63) / 64;
        OutputPixels = layout.OutputPixels;
        Blocks = blockRows.Count;
        WordsPerBlock = wordsPerBlock;
        BlockRows = [.. blockRows];
        if (BlockRows.Sum() != rows || BlockRows.Any(r => r <= 0 || r > wordsPerBlock * 64))
        {
            throw new ArgumentException($"row blocks [{string.Join(",", BlockRows)}] do not partition {rows} rows into blocks of at most {wordsPerBlock * 64}");
        }

        SlotRow = new int[Blocks * wordsPerBlock * 64];
        Array.Fill(SlotRow, -1);
        var segments = new List<(int T, int Channel, int Length, int Slot)>();
        var start = 0;
        for (var b = 0; b < Blocks; b++)
        {
            var end = start + BlockRows[b];
            var slot = b * wordsPerBlock * 64;
            for (var t = 0; t < _kernelArea; t++)
            {
                var first = Math.Max(0, CeilDiv(start - t, _kernelArea));
                var last = end - 1 - t < 0 ? -1 : (end - 1 - t) / _kernelArea;
                for (var c = first; c <= last; c++)
                {
                    SlotRow[slot + (c - first)] = (c * _kernelArea) + t;
                }

                for (var c = first; c <= last; c += 64)
                {
                    var length = Math.Min(64, last - c + 1);
                    segments.Add((t, c, length, slot + (c - first)));
                }

                slot += Math.Max(0, last - first + 1);
            }

            start = end;
        }

        _runs = [.. segments.Select(s => new BlockRun(s.T, s.Channel, s.Length, s.Slot))];

        var table = Im2Col.For(layout).Table;
        _sourcePixel = new int[OutputPixels * _kernelArea];
        for (var p = 0; p < OutputPixels; p++)
        {
            for (var t = 0; t < _kernelArea; t++)
            {
                _sourcePixel[(p * _kernelArea) + t] = table[(p * rows) + t];
            }
        }

        (ClassOf, ClassValid, Classes) = BuildClasses();
    }

    public int Channels { get; }

    public int ChannelWords { get; }

    public int InputPixels { get; }

    public int OutputPixels { get; }

    public int Blocks { get; }

    public int WordsPerBlock { get; }

    public int[] BlockRows { get; }

    /// <summary>[block, slot] → the weight row held there, −1 for an unused slot.</summary>
    public int[] SlotRow { get; }

    public int Classes { get; }

    /// <summary>Per output pixel: its class of driven rows.</summary>
    public int[] ClassOf { get; }

    /// <summary>[class, block word]: the slots driven (input inside the image).</summary>
    public ulong[] ClassValid { get; }

    public int Words => Blocks * WordsPerBlock;

    /// <summary>Kernel offsets per window (1 for a dense layer).</summary>
    public int KernelArea => _kernelArea;

    /// <summary>The runs of consecutive channels that fill the slots, block by block.</summary>
    public ReadOnlySpan<BlockRun> Runs => _runs;

    /// <summary>The input pixel output pixel <paramref name="pixel"/> reads at kernel offset <paramref name="offset"/>, −1 in the padding.</summary>
    public int SourcePixel(int pixel, int offset) => _sourcePixel[(pixel * _kernelArea) + offset];

    /// <summary>
    /// Sets the slot bits of output pixel <paramref name="pixel"/> for every plane: <paramref name="x"/> [plane, word]
    /// (cleared by the caller) from the channel bitmaps [plane, input pixel, channel word].
    /// </summary>
    public void Gather(int pixel, ReadOnlySpan<ulong> bitmaps, int planes, Span<ulong> x)
    {
        if (ChannelWords == 1 && planes == 1)
        {
            GatherOneWord(pixel, bitmaps, x);
            return;
        }

        var rowBase = pixel * _kernelArea;
        var cw = ChannelWords;
        var planeWords = InputPixels * cw;
        var words = Words;
        foreach (var run in _runs)
        {
            var source = _sourcePixel[rowBase + run.Offset];
            if (source < 0)
            {
                continue;
            }

            var word = (source * cw) + (run.Channel >> 6);
            var straddles = run.Shift + run.Length > 64;
            var target = run.Target;
            for (var j = 0; j < planes; j++, word += planeWords, target += words)
            {
                var bits = bitmaps[word] >> run.Shift;
                if (straddles)
                {
                    bits |= bitmaps[word + 1] << (64 - run.Shift);
                }

                bits &= run.Mask;
                x[target] |= bits << run.At;
                if (run.Spills)
                {
                    x[target + 1] |= bits >> (64 - run.At);
                }
            }
        }
    }

    /// <summary>One plane, at most 64 channels: every run is one shift and mask of the source pixel's word.</summary>
    private void GatherOneWord(int pixel, ReadOnlySpan<ulong> bitmap, Span<ulong> x)
    {
        var sources = _sourcePixel.AsSpan(pixel * _kernelArea, _kernelArea);
        foreach (var run in _runs)
        {
            var source = sources[run.Offset];
            if (source < 0)
            {
                continue;
            }

            var bits = (bitmap[source] >> run.Shift) & run.Mask;
            x[run.Target] |= bits << run.At;
            if (run.Spills)
            {
                x[run.Target + 1] |= bits >> (64 - run.At);
            }
        }
    }

    private (int[] ClassOf, ulong[] Valid, int Count) BuildClasses()
    {
        var classOf = new int[OutputPixels];
        var keys = new Dictionary<string, int>();
        var valid = new List<ulong>();
        var pattern = new char[_kernelArea];
        for (var p = 0; p < OutputPixels; p++)
        {
            for (var t = 0; t < _kernelArea; t++)
            {
                pattern[t] = _sourcePixel[(p * _kernelArea) + t] >= 0 ? '1' : '0';
            }

            var key = new string(pattern);
            if (!keys.TryGetValue(key, out var id))
            {
                id = keys.Count;
                keys[key] = id;
                for (var word = 0; word < Words; word++)
                {
                    var mask = 0UL;
                    for (var bit = 0; bit < 64; bit++)
                    {
                        var row = SlotRow[(word * 64) + bit];
                        if (row >= 0 && pattern[row % _kernelArea] == '1')
                        {
                            mask |= 1UL << bit;
                        }
                    }

                    valid.Add(mask);
                }
            }

            classOf[p] = id;
        }

        return (classOf, [.. valid], keys.Count);
    }

    private static int CeilDiv(int a, int b) => a >= 0 ? (a + b - 1) / b : -(-a / b);
}
