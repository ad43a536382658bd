using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BnnCompiler.Simulator.Functional;

/// <summary>
/// Windowed layers whose ADCs do not all read exactly (or that read several planes through coarse ADCs): every
/// row block's count must reach its ADC, so the rows keep <see cref="BlockGather"/>'s slot order (blocks in words),
/// but the output pixels lie along the vector lanes as on the pixel-lane route. Each plane of the input is packed
/// into channel fields (<see cref="InputCodes.PackFields"/>), gathered once per image into rows
/// [plane, kernel offset, channel word, pixel] (one look-up per pixel and offset),
/// then each run of channels is shifted into its slot word for all pixels at once, giving x [plane, slot word, pixel];
/// the driven rows of each pixel (padding rows are not driven) are a constant [slot word, pixel] mask. Per column,
/// block and plane, eight pixels per 512-bit vector (four per 256-bit vector): m = popcount(driven ∧ ¬(x ⊕ w)), the
/// block's ADC code (on AVX-512 a byte-table look-up with vpermi2b over counts 0..127, times the kind's factor, four
/// columns per pass; with AVX2, or a block of 128 rows or more, <see cref="VectorAdc"/> on 256-bit vectors), shifted by
/// the plane into its kind's accumulator (<see cref="AdcKinds"/>). The outputs and counts equal
/// <see cref="ColumnKernel"/>'s (tested against the scalar path and the plain reference).
/// <code>
///   codes [C, input pixel] → fields [plane, word, input pixel] → rows [plane, t, word, pixel] → x [plane, slot word, pixel]
///   → d[n, p] = Σ_kind factor·Σ_{b, j} 2^j·ADC_b(m[n, b, j, p]) / divisor → y = Scale·(d − NegativeTerm) + Constant·SignedValid
/// </code>
/// </summary>
internal sealed partial class BlockLaneKernel
{
    private readonly int _columns;
    private readonly int _pixels;
    private readonly int _paddedPixels;     // pixels rounded up to a multiple of 8
    private readonly int _planes;
    private readonly int _words;            // slot words per pixel and plane
    private readonly int _wordsPerBlock;
    private readonly int _blocks;
    private readonly int _area;
    private readonly int _channelWords;
    private readonly int _channels;
    private readonly int _inputPixels;
    private readonly BlockRun[] _runs;
    private readonly ulong[] _weights;      // [column, slot word]
    private readonly ulong[] _driven;       // [slot word, padded pixel]: rows the pixel drives
    private readonly int[] _source;         // [offset, padded pixel]: input pixel read; the zero pixel (input pixels) in the padding and past the last pixel
    private readonly int[] _negativeTerm;   // [column, padded pixel]: −1 weights on driven rows × (2^P − 1)
    private readonly int[] _signedValid;    // [column, padded pixel]: Σ w over driven rows
    private readonly AdcKinds _kinds;
    private readonly Vector512<byte>[] _codeLow;   // per block: ADC codes of counts 0..63 (the count itself when exact)
    private readonly Vector512<byte>[] _codeHigh;  // per block: codes of counts 64..127
    private readonly Vector512<ulong>[] _blockFactor;  // per block: its kind's factor
    private readonly bool _onTables;        // every block below 128 rows: codes by table, kinds by factor

    /// <param name="slotWeights">[column, slot word]: bit = 1 for a +1 weight in that slot.</param>
    /// <param name="negativeTerm">[column, pixel]: −1 weights on driven rows × (2^P − 1).</param>
    /// <param name="signedValid">[column, pixel]: Σ w over the rows each pixel drives.</param>
    public BlockLaneKernel(BlockGather gather, ulong[] slotWeights, int columns, int planes, IReadOnlyList<AdcQuantizer> adcs,
        double[] negativeTerm, double[] signedValid, KernelPath path)
    {
        _columns = columns;
        _pixels = gather.OutputPixels;
        _paddedPixels = (_pixels + 7) & ~7;
        _planes = planes;
        _words = gather.Words;
        _wordsPerBlock = gather.WordsPerBlock;
        _blocks = gather.Blocks;
        _area = gather.KernelArea;
        _channelWords = gather.ChannelWords;
        _channels = gather.Channels;
        _inputPixels = gather.InputPixels;
        _runs = gather.Runs.ToArray();
        _weights = slotWeights;
        _kinds = new AdcKinds(adcs);
        Path = path;

        var padded = _paddedPixels;
        _driven = new ulong[_words * padded];
        _source = new int[_area * padded];
        Array.Fill(_source, _inputPixels);
        for (var p = 0; p < _pixels; p++)
        {
            var cls = gather.ClassOf[p];
            for (var word = 0; word < _words; word++)
            {
                _driven[(word * padded) + p] = gather.ClassValid[(cls * _words) + word];
            }

            for (var t = 0; t < _area; t++)
            {
                var source = gather.SourcePixel(p, t);
                _source[(t * padded) + p] = source < 0 ? _inputPixels : source;
            }
        }

        _negativeTerm = new int[columns * padded];
        _signedValid = new int[columns * padded];
        for (var col = 0; col < columns; col++)
        {
            for (var p = 0; p < _pixels; p++)
            {
                _negativeTerm[(col * padded) + p] = (int)negativeTerm[(col * _pixels) + p];
                _signedValid[(col * padded) + p] = (int)signedValid[(col * _pixels) + p];
            }
        }

        _onTables = _kinds.OnTables;
        _codeLow = _kinds.CodeLow;
        _codeHigh = _kinds.CodeHigh;
        _blockFactor = [.. _kinds.BlockKind.Select(k => Vector512.Create((ulong)_kinds.KindFactor[k]))];
    }

    /// <summary>The vector path asked for (AVX-512 or AVX2; AVX-512 reads blocks of 128 rows or more on 256-bit vectors).</summary>
    public KernelPath Path { get; }

    /// <summary>Length of the field scratch <see cref="Run"/> takes.</summary>
    public int FieldLength => _planes * _channelWords * (_inputPixels + 1);

    /// <summary>Length of the row scratch <see cref="Run"/> takes.</summary>
    public int RowLength => _planes * _area * _channelWords * _paddedPixels;

    /// <summary>Length of the slot scratch <see cref="Run"/> takes.</summary>
    public int SlotLength => _planes * _words * _paddedPixels;

    /// <summary>True when the vector paths can run a layer of these blocks: a window of at least eight output pixels, the ADCs on vectors, per-byte counts of a block within a byte.</summary>
    public static bool Fits(BlockGather gather, IReadOnlyList<AdcQuantizer> adcs) =>
        gather.OutputPixels >= 8 && gather.WordsPerBlock <= BitCounts.ByteSumWords && new AdcKinds(adcs).FitVectors;

    /// <summary>
    /// Every column and pixel from the input codes [channel, input pixel] (their low bits are the planes): y into
    /// <paramref name="output"/> [column, pixel]; returns Σ m over every conversion.
    /// </summary>
    public long Run(ReadOnlySpan<int> codes, double scale, double constant, Span<ulong> fields, Span<ulong> rows, Span<ulong> slots, Span<float> output)
    {
        var planeFields = _channelWords * (_inputPixels + 1);
        for (var j = 0; j < _planes; j++)
        {
            InputCodes.PackFields(codes, _channels, _inputPixels, j, fields.Slice(j * planeFields, planeFields));
        }

        GatherRows(fields[..FieldLength], rows[..RowLength]);
        ShiftRuns(rows, slots[..SlotLength]);
        return Path == KernelPath.Avx512 && _onTables ? TableColumns512(slots, scale, constant, output) : Columns256(slots, scale, constant, output);
    }

    /// <summary>rows [plane, t, channel word, pixel]: the field word each pixel reads at offset t (zero in the padding).</summary>
    private void GatherRows(ReadOnlySpan<ulong> fields, Span<ulong> rows)
    {
        var (padded, cw, stride) = (_paddedPixels, _channelWords, _inputPixels + 1);
        for (var j = 0; j < _planes; j++)
        {
            for (var t = 0; t < _area; t++)
            {
                var sources = _source.AsSpan(t * padded, padded);
                for (var w = 0; w < cw; w++)
                {
                    var field = fields.Slice(((j * cw) + w) * stride, stride);
                    var row = rows.Slice((((j * _area) + t) * cw + w) * padded, padded);
                    for (var p = 0; p < row.Length; p++)
                    {
                        row[p] = field[sources[p]];
                    }
                }
            }
        }
    }

    /// <summary>x [plane, slot word, pixel]: each run's channels shifted from its offset's row into its slots, four pixels per step.</summary>
    private void ShiftRuns(ReadOnlySpan<ulong> rows, Span<ulong> slots)
    {
        slots.Clear();
        var (padded, cw) = (_paddedPixels, _channelWords);
        var x = MemoryMarshal.Cast<ulong, Vector256<ulong>>(slots);
        var source = MemoryMarshal.Cast<ulong, Vector256<ulong>>(rows);
        var vectors = padded / 4;
        for (var j = 0; j < _planes; j++)
        {
            foreach (var run in _runs)
            {
                var from = (((j * _area) + run.Offset) * cw) + (run.Channel >> 6);
                var low = source.Slice(from * vectors, vectors);
                var high = run.Straddles ? source.Slice((from + 1) * vectors, vectors) : low;
                var target = x.Slice(((j * _words) + run.Target) * vectors, vectors);
                var spill = run.Spills ? x.Slice(((j * _words) + run.Target + 1) * vectors, vectors) : target;
                var mask = Vector256.Create(run.Mask);
                for (var v = 0; v < vectors; v++)
                {
                    var bits = Vector256.ShiftRightLogical(low[v], run.Shift);
                    if (run.Straddles)
                    {
                        bits |= Vector256.ShiftLeft(high[v], 64 - run.Shift);
                    }

                    bits &= mask;
                    target[v] |= Vector256.ShiftLeft(bits, run.At);
                    if (run.Spills)
                    {
                        spill[v] |= Vector256.ShiftRightLogical(bits, 64 - run.At);
                    }
                }
            }
        }
    }
}
