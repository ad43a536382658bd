using System.Runtime.CompilerServices;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// What the vector kernels share: the coefficient tables copied with each row padded to a multiple of the kernel's
/// column width (zeros beyond the last column), the difference tables as tables of four-row groups
/// (<see cref="RowGroups"/>), the per-column ADC tables padded likewise, the base of a block (its valid rows) and
/// the count of a plane (its driven rows' groups) through the kernel's sums of table entries, the exact conversion of noise-free ideal ADCs, and the conversion of
/// every read of a pixel: each block's plane codes summed in 32-bit integers (Σ_j 2^j·code, the kernel's
/// <see cref="Codes"/>), then once per block multiplied by the column's signed factor into the 64-bit totals
/// (<see cref="Accumulate"/>).
/// </summary>
internal abstract class PaddedAnalogKernel : IAnalogKernel
{
    protected readonly AnalogLayerWeights _cells;
    protected readonly AnalogColumnReadout _readout;
    protected readonly float[][] _diffGroups;   // per block: U − V of every four-row group's patterns (RowGroups)
    protected readonly float[][] _base;
    protected readonly float[][] _baseSum;
    protected readonly float[][]? _diffSquareGroups;
    protected readonly float[][]? _baseSquares;
    protected readonly float[][]? _fullSquares;
    protected readonly float[] _scale;   // [block · Stride + column]
    protected readonly float[] _bias;
    protected readonly long[] _signedFactors;   // [block · Stride + column]: ±factor_b (− where repair stores the column negated)
    private readonly int[][] _flipped;
    private readonly int _wordsPerBlock;

    protected PaddedAnalogKernel(AnalogLayerWeights cells, AnalogColumnReadout readout, int width)
    {
        _cells = cells;
        _readout = readout;
        var n = cells.Columns;
        Stride = (n + width - 1) / width * width;
        _diffGroups = RowGroups.Build(Pad(cells.Diff, n, Stride), n, Stride);
        _base = Pad(cells.Base, n, Stride);
        _baseSum = Pad(cells.BaseSum, n, Stride);
        _diffSquareGroups = cells.DiffSquares is null ? null : RowGroups.Build(Pad(cells.DiffSquares, n, Stride), n, Stride);
        _baseSquares = cells.BaseSquares is null ? null : Pad(cells.BaseSquares, n, Stride);
        _fullSquares = cells.BaseSquares is null ? null : Pad(AnalogReferenceKernel.FullSquares(cells), n, Stride);
        _scale = Pad(readout.Scale, n, Stride, cells.Blocks);
        _bias = Pad(readout.Bias, n, Stride, cells.Blocks);
        _signedFactors = new long[cells.Blocks * Stride];
        for (var b = 0; b < cells.Blocks; b++)
        {
            for (var c = 0; c < n; c++)
            {
                _signedFactors[(b * Stride) + c] = readout.Factor[b] * Math.Sign(cells.ColumnSigns[(b * n) + c]);
            }
        }

        _flipped = AnalogBlockReads.Flipped(cells);
        _wordsPerBlock = (cells.RowsPerBlock + 63) / 64;
    }

    public int Stride { get; }

    public (float[] Start, float[]? Squares) Base(int b, bool full, ReadOnlySpan<ulong> valid, float[] baseAcc, float[]? varBase)
    {
        if (full)
        {
            return (_baseSum[b], varBase is null ? null : _fullSquares![b]);
        }

        Array.Clear(baseAcc);
        Span<int> entries = stackalloc int[valid.Length * 64];
        entries = entries[..RowGroups.Rows(valid, entries)];
        if (varBase is null)
        {
            Sum(_base[b], entries, baseAcc, baseAcc);
            return (baseAcc, null);
        }

        Array.Clear(varBase);
        Sum(_base[b], _baseSquares![b], entries, baseAcc, varBase, baseAcc, varBase);
        return (baseAcc, varBase);
    }

    public void Plane(int b, ReadOnlySpan<ulong> driven, float[] baseAcc, float[]? varBase, float[] acc, float[]? varAcc)
    {
        Span<int> entries = stackalloc int[driven.Length * (64 / RowGroups.Size)];
        entries = entries[..RowGroups.Entries(driven, entries)];
        if (varAcc is null)
        {
            Sum(_diffGroups[b], entries, baseAcc, acc);
            return;
        }

        Sum(_diffGroups[b], _diffSquareGroups![b], entries, baseAcc, varBase!, acc, varAcc);
    }

    public void Convert(int b, int j, float[] acc, float[]? varAcc, ReadOnlySpan<int> negatives, long[] total, ref ReadNoiseStream reads)
    {
        if (ConvertedExactly(b, j, acc, varAcc, negatives, total))
        {
            return;
        }

        var codes = new int[Stride];
        Codes(b, j, acc, varAcc, [], negatives, codes, ref reads);
        var factor = _readout.Factor[b];
        for (var col = 0; col < _cells.Columns; col++)
        {
            total[col] += factor * codes[col];
        }
    }

    public void ReadPixel(AnalogPixelReads pixel, long[] total, ref ReadNoiseStream reads, AnalogReadScratch scratch)
    {
        var blocks = pixel.Blocks;
        if ((!_readout.Noisy && _readout.StaticIdeal) || pixel.Negatives.Length < blocks * Stride || total.Length < Stride || scratch.Codes.Length < blocks * Stride || scratch.Acc.Length < Stride)
        {
            AnalogBlockReads.CountAndConvert(this, _flipped, pixel, total, ref reads, scratch);
            return;
        }

        // Each read is converted as soon as it is counted: the draws keep their order (block, plane, column).
        Array.Clear(scratch.Codes);
        Span<int> entries = stackalloc int[_wordsPerBlock * (64 / RowGroups.Size)];
        for (var b = 0; b < blocks; b++)
        {
            var read = pixel.Block(b);
            var (start, squares) = AnalogBlockReads.Start(this, read, scratch);
            var codes = scratch.Codes.AsSpan(b * Stride, Stride);
            for (var j = 0; j < read.Planes; j++)
            {
                // The plane's count (its driven groups' entries on the base) is summed as each vector is converted.
                var count = RowGroups.Entries(read.Plane(j), entries);
                Codes(b, j, start, squares, entries[..count], read.Negatives, codes, ref reads, read.Undriven);
            }
        }

        for (var b = 0; b < blocks; b++)
        {
            Accumulate(b, scratch.Codes.AsSpan(b * Stride, Stride), total);
        }
    }

    /// <summary>
    /// Converts every column's count of block b, plane j, <paramref name="start"/> plus the group entries
    /// <paramref name="entries"/> (<see cref="RowGroups"/>, none: the count is <paramref name="start"/>), likewise its
    /// variance (noise drawn in column order), and adds 2^j·code to its entry of <paramref name="codes"/>; per-column
    /// arrays have <see cref="Stride"/> entries.
    /// </summary>
    /// <remarks><paramref name="undriven"/> (<see cref="Undriven"/>), when given, holds the read's level and σ per column if
    /// it drives no row; used when <paramref name="entries"/> is empty.</remarks>
    protected abstract void Codes(int b, int j, float[] start, float[]? startSquares, ReadOnlySpan<int> entries, ReadOnlySpan<int> negatives, Span<int> codes, ref ReadNoiseStream reads, UndrivenRead? undriven = null);

    /// <summary>
    /// The ADC's input level and the noise's σ of every column of block b when a plane drives none of its rows (the
    /// count is <paramref name="start"/>): [level per column, then σ per column], Stride entries each; computed as the
    /// conversions compute them (<see cref="AnalogReferenceKernel.Convert"/>), so reads that use them convert
    /// bit-identically; with the code's steps in the draw's bits where they exist (<see cref="NoiseSteps"/>). Null when
    /// conversions draw no noise.
    /// </summary>
    public UndrivenRead? Undriven(int b, float[] start, float[]? squares, ReadOnlySpan<int> negatives)
    {
        if (!_readout.Noisy)
        {
            return null;
        }

        var levels = new float[2 * Stride];
        for (var col = 0; col < _cells.Columns; col++)
        {
            var count = start[col];
            if (_cells.Differential)
            {
                count += negatives[col];
            }

            var gain = _scale[(b * Stride) + col];
            levels[col] = (count * gain) + _bias[(b * Stride) + col];
            var variance = (squares is null ? 0f : _readout.ReadVariance * MathF.Max(0f, squares[col]) * gain * gain) + _readout.NoiseVariance;
            levels[Stride + col] = MathF.Sqrt(variance);
        }

        return new UndrivenRead(levels, NoiseSteps.Of(levels, _cells.Columns, Stride, _readout.Quantizers[b].Top));
    }

    /// <summary>total += signed factor of block b · codes, per column (64-bit).</summary>
    protected abstract void Accumulate(int b, ReadOnlySpan<int> codes, long[] total);

    /// <summary>The exact path of noise-free ideal ADCs, or checks the per-column arrays' lengths; true when the block is converted.</summary>
    protected bool ConvertedExactly(int b, int j, float[] acc, float[]? varAcc, ReadOnlySpan<int> negatives, long[] total)
    {
        var n = _cells.Columns;
        var factor = _readout.Factor[b] << j;
        var adc = _readout.Quantizers[b];
        if (!_readout.Noisy && _readout.StaticIdeal)
        {
            AnalogReferenceKernel.ExactCodes(adc, factor, _cells.Differential, acc, negatives, total, n);
            return true;
        }

        if (negatives.Length < Stride || acc.Length < Stride || total.Length < Stride || (varAcc is not null && varAcc.Length < Stride))
        {
            throw new ArgumentException("per-column arrays must have Stride entries");
        }

        return false;
    }

    /// <summary>acc = start + Σ over <paramref name="entries"/>, in order, of the table's (padded) entry (a row or a group's pattern).</summary>
    protected abstract void Sum(float[] table, ReadOnlySpan<int> entries, float[] start, float[] acc);

    /// <summary>The same sum over two tables at once (counts and variances).</summary>
    protected abstract void Sum(float[] table, float[] squares, ReadOnlySpan<int> entries, float[] start, float[] startSquares, float[] acc, float[] accSquares);

    /// <summary>Every entry (ascending) lies inside the table (the unchecked loads rely on it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static void Check(float[] table, ReadOnlySpan<int> entries, int stride)
    {
        if (entries.Length > 0 && (entries[0] < 0 || (((long)entries[^1] + 1) * stride) > table.Length))
        {
            throw new ArgumentOutOfRangeException(nameof(entries), "a driven row lies outside the block");
        }
    }

    /// <summary>Each block's [rows, n] table copied to [rows, stride] with zero padding.</summary>
    private static float[][] Pad(float[][] tables, int n, int stride)
    {
        var padded = new float[tables.Length][];
        for (var b = 0; b < tables.Length; b++)
        {
            var rows = tables[b].Length / Math.Max(1, n);
            padded[b] = new float[Math.Max(1, rows) * stride];
            for (var r = 0; r < rows; r++)
            {
                tables[b].AsSpan(r * n, n).CopyTo(padded[b].AsSpan(r * stride));
            }
        }

        return padded;
    }

    /// <summary>A [blocks, n] table copied to [blocks, stride] with zero padding.</summary>
    private static float[] Pad(float[] table, int n, int stride, int blocks)
    {
        var padded = new float[blocks * stride];
        for (var b = 0; b < blocks; b++)
        {
            table.AsSpan(b * n, n).CopyTo(padded.AsSpan(b * stride));
        }

        return padded;
    }
}
