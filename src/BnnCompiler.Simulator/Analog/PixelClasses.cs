using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// The output pixels of an analog layer grouped by their valid rows (not padding), identical in every block within a
/// class: the interior, each edge and each corner of a padded convolution. What depends only on the valid rows is
/// built once per class: each block's −1 weights per column and their sum over the blocks, whether each block is
/// full, and each block's base count and read-noise variance from the kernel (<see cref="IAnalogKernel.Base"/>), so no
/// pixel counts them; with a vector kernel also each block's ADC level and noise σ per column of a read that drives
/// no row (<see cref="PaddedAnalogKernel.Undriven"/>; a layer's binary input often drives none).
/// <code>
///   3×3, padding 1: 9 classes (interior, 4 edges, 4 corners) → pixel p reads Negatives(Of(p)), Starts(Of(p)), …
/// </code>
/// </summary>
internal sealed class PixelClasses
{
    private readonly int[] _class;        // [pixel]
    private readonly int[][] _negatives;  // [class][block · stride + column]
    private readonly int[][] _sums;       // [class][column]
    private readonly bool[][] _full;      // [class][block]
    private readonly float[][][] _starts; // [class][block][column]
    private readonly float[][][]? _squares;   // [class][block][column], null without read noise
    private UndrivenRead[]?[] _undriven = [];   // [class][block]: level and σ per column of a read that drives no row

    public PixelClasses(PackedSigns signs, AnalogPixelRows rows, AnalogColumnReadout readout, IAnalogKernel kernel, bool variances)
    {
        var blocks = rows.Blocks;
        var stride = kernel.Stride;
        var keys = new Dictionary<string, int>();
        var first = new List<int>();
        _class = new int[rows.Pixels];
        for (var p = 0; p < rows.Pixels; p++)
        {
            var words = new ulong[blocks * rows.WordsPerBlock];
            for (var b = 0; b < blocks; b++)
            {
                rows.Valid(p, b).CopyTo(words.AsSpan(b * rows.WordsPerBlock));
            }

            var key = Convert.ToBase64String(MemoryMarshal.AsBytes(words.AsSpan()));
            if (!keys.TryGetValue(key, out var c))
            {
                c = keys[key] = first.Count;
                first.Add(p);
            }

            _class[p] = c;
        }

        Count = first.Count;
        _negatives = new int[Count][];
        _sums = new int[Count][];
        _full = new bool[Count][];
        _starts = new float[Count][][];
        _squares = variances ? new float[Count][][] : null;
        for (var c = 0; c < Count; c++)
        {
            var p = first[c];
            _negatives[c] = new int[blocks * stride];
            _sums[c] = new int[stride];
            _full[c] = new bool[blocks];
            _starts[c] = new float[blocks][];
            if (_squares is not null)
            {
                _squares[c] = new float[blocks][];
            }

            for (var b = 0; b < blocks; b++)
            {
                var full = _full[c][b] = rows.ValidRows(p, b) == readout.Quantizers[b].FullScale;
                var block = _negatives[c].AsSpan(b * stride, stride);
                signs.Negatives(b, full, rows.Valid(p, b), block);
                Add(_sums[c], block);
                var (start, squares) = kernel.Base(b, full, rows.Valid(p, b), new float[stride], variances ? new float[stride] : null);
                _starts[c][b] = start;
                if (_squares is not null)
                {
                    _squares[c][b] = squares!;
                }
            }
        }

        Refresh(kernel);
    }

    /// <summary>Computes each class's levels of reads that drive no row with <paramref name="kernel"/> (again after a calibration moves the ADC levels).</summary>
    public void Refresh(IAnalogKernel kernel)
    {
        _undriven = new UndrivenRead[]?[Count];
        if (kernel is not PaddedAnalogKernel padded)
        {
            return;
        }

        for (var c = 0; c < Count; c++)
        {
            var levels = new UndrivenRead[_full[c].Length];
            for (var b = 0; b < levels.Length; b++)
            {
                var stride = kernel.Stride;
                var block = padded.Undriven(b, _starts[c][b], _squares?[c][b], _negatives[c].AsSpan(b * stride, stride));
                if (block is null)
                {
                    levels = null;
                    break;
                }

                levels[b] = block;
            }

            _undriven[c] = levels;
        }
    }

    /// <summary>Per block, the level and σ per column of a read that drives no row, or null (<see cref="Refresh"/>).</summary>
    public UndrivenRead[]? Undriven(int c) => _undriven[c];

    /// <summary>How many classes the layer's pixels fall in.</summary>
    public int Count { get; }

    /// <summary>The class of pixel p.</summary>
    public int Of(int p) => _class[p];

    /// <summary>Per block, each column's −1 weights on the class's valid rows ([block · stride + column]).</summary>
    public int[] Negatives(int c) => _negatives[c];

    /// <summary>Per column, the −1 weights on the class's valid rows over all blocks.</summary>
    public int[] Sums(int c) => _sums[c];

    /// <summary>Per block, true when all its rows are valid.</summary>
    public bool[] Full(int c) => _full[c];

    /// <summary>Per block, each column's base count (Σ over the valid rows of V); not to be written.</summary>
    public float[][] Starts(int c) => _starts[c];

    /// <summary>Per block, each column's base read-noise variance (Σ over the valid rows of V²), or null without read noise.</summary>
    public float[][]? Squares(int c) => _squares?[c];

    /// <summary>sum += x, entry by entry.</summary>
    public static void Add(Span<int> sum, ReadOnlySpan<int> x)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + 8 <= sum.Length; i += 8)
            {
                (Vector256.Create(sum.Slice(i, 8)) + Vector256.Create(x.Slice(i, 8))).CopyTo(sum[i..]);
            }
        }

        for (; i < sum.Length; i++)
        {
            sum[i] += x[i];
        }
    }
}
