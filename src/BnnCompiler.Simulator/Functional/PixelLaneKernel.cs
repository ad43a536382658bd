using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BnnCompiler.Simulator.Functional;

/// <summary>
/// A shortcut for one-plane windowed layers whose every ADC reads exactly: then a column's dot is its total match
/// count over all driven rows, whatever block holds them, so the rows can be read in any order. The input's bits are
/// packed per input pixel (one field of channels, fields of ≤ 32 channels two or more to a word), then laid out as a
/// bit-packed im2col [word, output pixel] by copying whole rows of windows, and each column's weight words are
/// broadcast against eight output pixels per 512-bit vector (four per 256-bit vector): XNOR, popcount, sum. Padding
/// offsets and unused bits read x = 0 and w = 0, so they add a known count per column that one per-column constant
/// removes; the output lands as [column, pixel] without a transpose. It gives exactly the numbers and counts of
/// <see cref="ColumnKernel"/> (tested against the scalar path and the plain reference).
/// <code>
///   codes [C, H·W] → fields [word of channels, input pixel] → x [word, pixel] → m[n, p] = Σ_u popcount(¬(x[u, p] ⊕ w[n, u]))
///   → y[n, p] = Scale·(m − Bias[n]) + Constant·SignedValid[n, p]
/// </code>
/// </summary>
internal sealed partial class PixelLaneKernel
{
    private readonly int _columns;
    private readonly int _pixels;
    private readonly int _paddedPixels;     // pixels rounded up to a multiple of 8
    private readonly int _inputPixels;
    private readonly int _channels;
    private readonly int _channelWords;     // words of one input pixel's channels when they exceed 64
    private readonly int _fieldBits;        // bits of one kernel offset's field when channels ≤ 64
    private readonly int _fieldsPerWord;
    private readonly int _area;             // kernel offsets
    private readonly int _words;            // slot words per output pixel
    private readonly ulong[] _weights;      // [column, word]: bit = 1 for a +1 weight
    private readonly int[] _source;         // [offset, output pixel]: input pixel read, _inputPixels in the padding
    private readonly double[] _bias;        // [column]: unused and −1-weight slots, which x = 0 matches
    private readonly int[] _signedValid;    // [column, padded pixel]: Σ w over the rows the pixel drives
    private readonly long _matchedBias;     // Σ over columns and pixels of the matches of undriven slots

    /// <param name="signs">±1 weights [column, row], rows k = c·A + t.</param>
    /// <param name="im2colTable">[pixel, row]: input index, −1 in the padding.</param>
    /// <param name="signedValid">[column, pixel]: Σ w over the rows each pixel drives.</param>
    public PixelLaneKernel(sbyte[] signs, int channels, int area, int inputPixels, int columns, int[] im2colTable, double[] signedValid, KernelPath path)
    {
        var rows = channels * area;
        _columns = columns;
        _pixels = im2colTable.Length / rows;
        _paddedPixels = (_pixels + 7) & ~7;
        _inputPixels = inputPixels;
        _channels = channels;
        _area = area;
        _channelWords = channels > 64 ? (channels + 63) / 64 : 1;
        _fieldBits = channels > 64 ? 64 : (int)BitOperations.RoundUpToPowerOf2((uint)channels);
        _fieldsPerWord = 64 / _fieldBits;
        _words = channels > 64 ? area * _channelWords : (area + _fieldsPerWord - 1) / _fieldsPerWord;
        Path = path;

        _weights = new ulong[columns * _words];
        _bias = new double[columns];
        var unusedBits = ((long)_words * 64) - rows;
        var negativesAt = new int[columns * area];   // [column, offset]: −1 weights over the channels
        for (var col = 0; col < columns; col++)
        {
            for (var c = 0; c < channels; c++)
            {
                for (var t = 0; t < area; t++)
                {
                    var (word, bit) = Slot(c, t);
                    if (signs[(col * rows) + (c * area) + t] > 0)
                    {
                        _weights[(col * _words) + word] |= 1UL << bit;
                    }
                    else
                    {
                        negativesAt[(col * area) + t]++;
                    }
                }
            }

            var negatives = 0;
            for (var t = 0; t < area; t++)
            {
                negatives += negativesAt[(col * area) + t];
            }

            _bias[col] = unusedBits + negatives;
        }

        _source = new int[area * _pixels];
        _signedValid = new int[columns * _paddedPixels];
        _matchedBias = unusedBits * columns * _pixels;
        for (var p = 0; p < _pixels; p++)
        {
            for (var t = 0; t < area; t++)
            {
                var index = im2colTable[(p * rows) + t];
                _source[(t * _pixels) + p] = index < 0 ? inputPixels : index;
                for (var col = 0; index < 0 && col < columns; col++)
                {
                    _matchedBias += negativesAt[(col * area) + t];
                }
            }

            for (var col = 0; col < columns; col++)
            {
                _signedValid[(col * _paddedPixels) + p] = (int)signedValid[(col * _pixels) + p];
            }
        }
    }

    /// <summary>The vector path that runs (AVX-512 or AVX2).</summary>
    public KernelPath Path { get; }

    /// <summary>Length of the field scratch <see cref="Run"/> takes.</summary>
    public int FieldLength => _channelWords * (_inputPixels + 1);

    /// <summary>Length of the slot scratch <see cref="Run"/> takes.</summary>
    public int SlotLength => _words * _paddedPixels;

    /// <summary>
    /// Every column and pixel: y = Scale·(dot − negatives) + Constant·SignedValid into <paramref name="output"/>
    /// [column, pixel] from the input codes [channel, input pixel] (bit 0 is the plane); returns Σ m over every column and pixel.
    /// </summary>
    public long Run(ReadOnlySpan<int> codes, double scale, double constant, Span<ulong> fields, Span<ulong> slots, Span<float> output)
    {
        InputCodes.PackFields(codes, _channels, _inputPixels, 0, fields[..FieldLength]);
        GatherSlots(fields, slots[..SlotLength]);
        var matched = Path == KernelPath.Avx512 ? Columns512(slots, scale, constant, output) : Columns256(slots, scale, constant, output);
        return matched - _matchedBias;
    }

    /// <summary>Word and bit of channel <paramref name="c"/> at kernel offset <paramref name="t"/>.</summary>
    private (int Word, int Bit) Slot(int c, int t) => _channels > 64
        ? ((t * _channelWords) + (c >> 6), c & 63)
        : (t / _fieldsPerWord, ((t % _fieldsPerWord) * _fieldBits) + c);

    /// <summary>The bit-packed im2col: x[word, pixel] from the fields of the input pixels each window reads.</summary>
    private void GatherSlots(ReadOnlySpan<ulong> fields, Span<ulong> slots)
    {
        slots.Clear();
        var pixels = _pixels;
        var stride = _inputPixels + 1;
        for (var t = 0; t < _area; t++)
        {
            var sources = _source.AsSpan(t * pixels, pixels);
            if (_channels > 64)
            {
                for (var w = 0; w < _channelWords; w++)
                {
                    var field = fields.Slice(w * stride, stride);
                    var target = slots.Slice(((t * _channelWords) + w) * _paddedPixels, pixels);
                    for (var p = 0; p < sources.Length; p++)
                    {
                        target[p] = field[sources[p]];
                    }
                }

                continue;
            }

            var shift = (t % _fieldsPerWord) * _fieldBits;
            var row = slots.Slice(t / _fieldsPerWord * _paddedPixels, pixels);
            for (var p = 0; p < sources.Length; p++)
            {
                row[p] |= fields[sources[p]] << shift;
            }
        }
    }
}
