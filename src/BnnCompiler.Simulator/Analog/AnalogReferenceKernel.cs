namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// The scalar reference of <see cref="IAnalogKernel"/>: a block's base is its valid rows' coefficients added one row at
/// a time in ascending order, a plane's count the base plus the entry of each driven four-row group's pattern
/// (<see cref="RowGroups"/>), groups in ascending order, each entry added to every column's running count; one
/// column at a time converted. The vector kernels are tested against it.
/// </summary>
internal sealed class AnalogReferenceKernel : IAnalogKernel
{
    private readonly AnalogLayerWeights _cells;
    private readonly AnalogColumnReadout _readout;
    private readonly float[][]? _fullSquares;
    private readonly float[][] _diffGroups;
    private readonly float[][]? _diffSquareGroups;
    private readonly int[][] _flipped;

    public AnalogReferenceKernel(AnalogLayerWeights cells, AnalogColumnReadout readout)
    {
        _cells = cells;
        _readout = readout;
        _fullSquares = cells.BaseSquares is null ? null : FullSquares(cells);
        _flipped = AnalogBlockReads.Flipped(cells);
        _diffGroups = RowGroups.Build(cells.Diff, cells.Columns, cells.Columns);
        _diffSquareGroups = cells.DiffSquares is null ? null : RowGroups.Build(cells.DiffSquares, cells.Columns, cells.Columns);
    }

    public int Stride => _cells.Columns;

    /// <summary>Per block: Σ over every row of V², summed from zero in ascending row order (the base of a full block).</summary>
    internal static float[][] FullSquares(AnalogLayerWeights cells)
    {
        var n = cells.Columns;
        var sums = new float[cells.Blocks][];
        for (var b = 0; b < cells.Blocks; b++)
        {
            sums[b] = new float[n];
            var rows = cells.BaseSquares![b].Length / Math.Max(1, n);
            for (var r = 0; r < rows; r++)
            {
                RowSums.Add(sums[b], cells.BaseSquares[b], r * n);
            }
        }

        return sums;
    }

    public (float[] Start, float[]? Squares) Base(int b, bool full, ReadOnlySpan<ulong> valid, float[] baseAcc, float[]? varBase)
    {
        if (full)
        {
            return (_cells.BaseSum[b], varBase is null ? null : _fullSquares![b]);
        }

        Span<int> entries = stackalloc int[valid.Length * 64];
        entries = entries[..RowGroups.Rows(valid, entries)];
        Array.Clear(baseAcc);
        Sum(_cells.Base[b], entries, baseAcc);
        if (varBase is not null)
        {
            Array.Clear(varBase);
            Sum(_cells.BaseSquares![b], entries, varBase);
        }

        return (baseAcc, varBase);
    }

    public void Plane(int b, ReadOnlySpan<ulong> driven, float[] baseAcc, float[]? varBase, float[] acc, float[]? varAcc)
    {
        Span<int> entries = stackalloc int[driven.Length * (64 / RowGroups.Size)];
        entries = entries[..RowGroups.Entries(driven, entries)];
        baseAcc.CopyTo(acc, 0);
        Sum(_diffGroups[b], entries, acc);
        if (varAcc is not null)
        {
            varBase!.CopyTo(varAcc, 0);
            Sum(_diffSquareGroups![b], entries, varAcc);
        }
    }

    public void ReadPixel(AnalogPixelReads pixel, long[] total, ref ReadNoiseStream reads, AnalogReadScratch scratch) =>
        AnalogBlockReads.CountAndConvert(this, _flipped, pixel, total, ref reads, scratch);

    public void Convert(int b, int j, float[] acc, float[]? varAcc, ReadOnlySpan<int> negatives, long[] total, ref ReadNoiseStream reads)
    {
        var n = _cells.Columns;
        var factor = _readout.Factor[b] << j;
        var adc = _readout.Quantizers[b];
        if (!_readout.Noisy && _readout.StaticIdeal)
        {
            ExactCodes(adc, factor, _cells.Differential, acc, negatives, total, n);
            return;
        }

        var top = adc.Top;
        var scales = _readout.Scale.AsSpan(b * n, n);
        var biases = _readout.Bias.AsSpan(b * n, n);
        for (var col = 0; col < n; col++)
        {
            var count = acc[col];
            if (_cells.Differential)
            {
                count += negatives[col];
            }

            // Read noise (σ_r·√ΣG² counts, scaled into LSB by the ADC's gain/Δ) and conversion noise (LSB) are
            // independent Gaussians, so the ADC sees one Gaussian of their combined σ.
            var gain = scales[col];
            var level = (count * gain) + biases[col];
            if (_readout.Noisy)
            {
                var variance = (varAcc is null ? 0f : _readout.ReadVariance * MathF.Max(0f, varAcc[col]) * gain * gain) + _readout.NoiseVariance;
                level += MathF.Sqrt(variance) * reads.Next();
            }

            var floor = MathF.Floor(level);
            total[col] += factor * (floor <= 0 ? 0 : floor >= top ? top : (long)floor);
        }
    }

    /// <summary>Codes of ideal ADCs without noise: a whole count in range through the quantizer's table, else its nearest level.</summary>
    internal static void ExactCodes(Functional.AdcQuantizer adc, long factor, bool differential, float[] acc, ReadOnlySpan<int> negatives, long[] total, int n)
    {
        for (var col = 0; col < n; col++)
        {
            double count = acc[col];
            if (differential)
            {
                count += negatives[col];
            }

            var whole = (int)count;
            var code = whole == count && whole >= 0 && whole <= adc.FullScale ? adc.Code(whole) : AdcErrorModel.Code(count, AdcInstance.Ideal, adc.Step, adc.Top, 0);
            total[col] += factor * code;
        }
    }

    /// <summary>acc += Σ over <paramref name="entries"/>, in order, of the table's entry (a row, or a group's pattern).</summary>
    private void Sum(float[] table, ReadOnlySpan<int> entries, float[] acc)
    {
        foreach (var entry in entries)
        {
            RowSums.Add(acc, table, entry * _cells.Columns);
        }
    }
}
