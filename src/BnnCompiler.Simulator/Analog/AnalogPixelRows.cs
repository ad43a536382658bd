using System.Runtime.Intrinsics;
using BnnCompiler.Core.Interpretation;
using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// The rows an analog layer drives at each output pixel, split into row blocks of 64-bit words (row r of block b at
/// bit r % 64 of word r / 64). What depends only on the layer's shape is built once: per pixel the valid rows (not
/// padding), their count per block, and the cells they match when every input bit is 0 (Σ over valid rows of the
/// columns whose weight is −1). Per image, <see cref="Drive"/> sets the driven rows of each input plane (valid rows
/// whose bit is 1) and returns the extra matches they bring (Σ over driven rows of 2·positives − N, <see cref="RowGainSlices"/>): from the input's
/// channel bitmaps a word at a time (<see cref="ChannelRuns"/>) where the window table allows and the input has one
/// plane, from the codes a word at a time for several planes (<see cref="CodePlanes"/>), else row by row.
/// </summary>
internal sealed class AnalogPixelRows
{
    private readonly int _k;
    private readonly int _rowsPerBlock;
    private readonly int[] _gather;     // [pixel, row]: input index, or the sentinel (the input length) for padding
    private readonly ulong[] _valid;    // [pixel, block, word]
    private readonly int[] _validRows;  // [pixel, block]
    private readonly long[] _zeroMatches; // [pixel]: matches of one plane whose bits are all 0
    private readonly int[] _rowGain;    // [row]: 2·positives − N
    private readonly RowGainSlices _gains;
    private readonly ChannelRuns? _runs;

    public AnalogPixelRows(LinearLayout layout, Im2Col im2col, int inputLength, int rowsPerBlock, int[] positivesPerRow)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(im2col);
        ArgumentNullException.ThrowIfNull(positivesPerRow);
        var rows = layout.Rows;
        var columns = layout.Columns;
        _k = rows;
        _rowsPerBlock = rowsPerBlock;
        Pixels = im2col.Pixels;
        Blocks = (rows + rowsPerBlock - 1) / rowsPerBlock;
        WordsPerBlock = (rowsPerBlock + 63) / 64;
        InputLength = inputLength;
        if (im2col.Table.Length > 0 && im2col.Table.Max() >= inputLength)
        {
            throw new ArgumentOutOfRangeException(nameof(inputLength), "the window table reads beyond the input");
        }

        _gather = new int[Pixels * rows];
        _valid = new ulong[Pixels * Blocks * WordsPerBlock];
        _validRows = new int[Pixels * Blocks];
        _zeroMatches = new long[Pixels];
        _rowGain = [.. positivesPerRow.Select(positives => (2 * positives) - columns)];
        for (var p = 0; p < Pixels; p++)
        {
            for (var r = 0; r < rows; r++)
            {
                var index = im2col.Table[(p * rows) + r];
                if (index < 0)
                {
                    _gather[(p * rows) + r] = InputLength;
                    continue;
                }

                _gather[(p * rows) + r] = index;
                var (b, offset) = Math.DivRem(r, rowsPerBlock);
                _valid[(((p * Blocks) + b) * WordsPerBlock) + (offset >> 6)] |= 1UL << (offset & 63);
                _validRows[(p * Blocks) + b]++;
                _zeroMatches[p] += columns - positivesPerRow[r];
            }
        }

        _gains = new RowGainSlices(positivesPerRow, columns, rowsPerBlock);
        _runs = ChannelRuns.TryBuild(layout, im2col, rowsPerBlock);
    }

    public int Pixels { get; }

    public int Blocks { get; }

    public int WordsPerBlock { get; }

    /// <summary>The layer's input length: the codes passed to <see cref="Drive"/> have one more entry, 0, for padding.</summary>
    public int InputLength { get; }

    /// <summary>The valid rows of block b at pixel p (the block's words).</summary>
    public ReadOnlySpan<ulong> Valid(int p, int b) => _valid.AsSpan(((p * Blocks) + b) * WordsPerBlock, WordsPerBlock);

    /// <summary>How many rows of block b are valid at pixel p.</summary>
    public int ValidRows(int p, int b) => _validRows[(p * Blocks) + b];

    /// <summary>Inputs of this many planes or more are driven from their codes a word at a time (a bit test of eight rows' codes
    /// per plane), fewer from the channel bitmaps (one bit deposit per run and plane).</summary>
    public const int CodePlanes = 2;

    /// <summary>
    /// The input's bit planes for <see cref="Drive"/> (channel bitmaps, see <see cref="ChannelRuns.Bitmaps"/>), or null
    /// when this layer's rows are gathered one at a time.
    /// </summary>
    public ulong[]? Planes(int[] codes, int planes)
    {
        if (_runs is null || planes >= CodePlanes)
        {
            return null;
        }

        var bitmaps = new ulong[Math.Max(1, planes * _runs.PlaneWords)];
        _runs.Bitmaps(codes.AsSpan(0, InputLength), planes, bitmaps);
        return bitmaps;
    }

    /// <summary>
    /// Sets <paramref name="driven"/> ([plane, block, word]) to the rows whose input bit j is 1 at pixel p, from the
    /// codes (<see cref="InputLength"/> + 1 entries, the last 0) or their bit planes (<see cref="Planes"/>), and
    /// returns the cells those planes match.
    /// </summary>
    public long Drive(int p, int[] codes, ulong[]? bitmaps, int planes, ulong[] driven)
    {
        Check(codes, planes, driven);
        if (_runs is not null && bitmaps is not null)
        {
            return DriveWords(p, bitmaps, planes, driven);
        }

        return planes >= CodePlanes && Vector256.IsHardwareAccelerated ? DriveCodes(p, codes, planes, driven) : DriveRows(p, codes, planes, driven);
    }

    /// <summary><see cref="Drive"/> one row and one plane at a time (the reference of the word-at-a-time paths).</summary>
    public long DriveRows(int p, int[] codes, int planes, ulong[] driven)
    {
        Check(codes, planes, driven);
        var gather = _gather.AsSpan(p * _k, _k);
        long gain = 0;
        var words = Blocks * WordsPerBlock;
        for (var b = 0; b < Blocks; b++)
        {
            var start = b * _rowsPerBlock;
            var end = Math.Min(_k, start + _rowsPerBlock);
            for (var w = 0; w < WordsPerBlock; w++)
            {
                var first = start + (w * 64);
                var last = Math.Min(end, first + 64);
                var at = (b * WordsPerBlock) + w;
                for (var j = 0; j < planes; j++)
                {
                    ulong word = 0;
                    for (var r = first; r < last; r++)
                    {
                        var one = (codes[gather[r]] >> j) & 1;
                        word |= (ulong)one << (r - first);
                        gain += one * _rowGain[r];
                    }

                    driven[(j * words) + at] = word;
                }
            }
        }

        return (planes * _zeroMatches[p]) + gain;
    }

    private void Check(int[] codes, int planes, ulong[] driven)
    {
        if (codes.Length != InputLength + 1 || driven.Length < planes * Blocks * WordsPerBlock)
        {
            throw new ArgumentException("codes need the padding entry and driven one word per plane, block and word");
        }
    }

    /// <summary>
    /// <see cref="Drive"/> a word at a time from the codes: each word's rows' codes gathered once, then per plane the bit
    /// of eight codes at a time (their bit j moved to the sign and the signs collected); the matches from popcounts.
    /// </summary>
    private long DriveCodes(int p, int[] codes, int planes, ulong[] driven)
    {
        var gather = _gather.AsSpan(p * _k, _k);
        var words = Blocks * WordsPerBlock;
        Span<int> row = stackalloc int[64];
        long gains = 0;
        for (var b = 0; b < Blocks; b++)
        {
            var end = Math.Min(_k, (b + 1) * _rowsPerBlock);
            for (var w = 0; w < WordsPerBlock; w++)
            {
                var first = (b * _rowsPerBlock) + (w * 64);
                var count = Math.Clamp(end - first, 0, 64);
                var lanes = (count + 7) & ~7;
                for (var r = 0; r < count; r++)
                {
                    row[r] = codes[gather[first + r]];
                }

                row[count..lanes].Clear();
                var at = (b * WordsPerBlock) + w;
                for (var j = 0; j < planes; j++)
                {
                    ulong word = 0;
                    for (var g = 0; g < lanes; g += 8)
                    {
                        word |= (ulong)(Vector256.Create(row.Slice(g, 8)) << (31 - j)).ExtractMostSignificantBits() << g;
                    }

                    driven[(j * words) + at] = word;
                    gains += _gains.Gain(at, word);
                }
            }
        }

        return (planes * _zeroMatches[p]) + gains;
    }

    /// <summary><see cref="Drive"/> a word at a time from the channel bitmaps; the matches from popcounts (<see cref="RowGainSlices"/>).</summary>
    private long DriveWords(int p, ulong[] bitmaps, int planes, ulong[] driven)
    {
        var words = Blocks * WordsPerBlock;
        var planeWords = _runs!.PlaneWords;
        long gains = 0;
        for (var j = 0; j < planes; j++)
        {
            var plane = bitmaps.AsSpan(j * planeWords, planeWords);
            for (var at = 0; at < words; at++)
            {
                var word = _runs.Word(p, at, plane);
                driven[(j * words) + at] = word;
                gains += _gains.Gain(at, word);
            }
        }

        return (planes * _zeroMatches[p]) + gains;
    }
}
