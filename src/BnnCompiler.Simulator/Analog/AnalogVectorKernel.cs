using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// <see cref="IAnalogKernel"/> on 512-bit vectors (AVX-512 F and DQ): the coefficient tables copied with each row
/// padded to a multiple of 32 columns, 32 columns' counts (and read-noise variances) held in registers while the
/// driven rows of a plane are added in ascending order, then sixteen conversions at a time in single precision with
/// sixteen noise draws at once (<see cref="ReadNoiseStream.Peek16"/>). Same additions in the same order as
/// <see cref="AnalogReferenceKernel"/>, so bit-identical outputs.
/// </summary>
internal sealed class AnalogVectorKernel : IAnalogKernel
{
    private const int Width = 32;
    private readonly AnalogLayerWeights _cells;
    private readonly AnalogColumnReadout _readout;
    private readonly float[][] _diff;
    private readonly float[][] _base;
    private readonly float[][] _baseSum;
    private readonly float[][]? _diffSquares;
    private readonly float[][]? _baseSquares;
    private readonly float[][]? _fullSquares;
    private readonly float[] _scale;   // [block · Stride + column]
    private readonly float[] _bias;

    public AnalogVectorKernel(AnalogLayerWeights cells, AnalogColumnReadout readout)
    {
        _cells = cells;
        _readout = readout;
        var n = cells.Columns;
        Stride = (n + Width - 1) / Width * Width;
        _diff = Pad(cells.Diff, n, Stride);
        _base = Pad(cells.Base, n, Stride);
        _baseSum = Pad(cells.BaseSum, n, Stride);
        _diffSquares = cells.DiffSquares is null ? null : Pad(cells.DiffSquares, n, Stride);
        _baseSquares = cells.BaseSquares is null ? null : Pad(cells.BaseSquares, n, Stride);
        _fullSquares = cells.BaseSquares is null ? null : Pad(AnalogReferenceKernel.FullSquares(cells), n, Stride);
        _scale = Pad(readout.Scale, n, Stride, cells.Blocks);
        _bias = Pad(readout.Bias, n, Stride, cells.Blocks);
    }

    /// <summary>True when this machine runs the kernel (AVX-512 F and DQ).</summary>
    public static bool IsSupported => Avx512F.IsSupported && Avx512DQ.IsSupported && Vector512.IsHardwareAccelerated;

    public int Stride { get; }

    public void Base(int b, bool full, ReadOnlySpan<ulong> valid, float[] baseAcc, float[]? varBase)
    {
        if (full)
        {
            _baseSum[b].CopyTo(baseAcc, 0);
            _fullSquares?[b].CopyTo(varBase!, 0);
            return;
        }

        Array.Clear(baseAcc);
        if (varBase is null)
        {
            Sum(_base[b], valid, baseAcc, baseAcc);
            return;
        }

        Array.Clear(varBase);
        Sum(_base[b], _baseSquares![b], valid, baseAcc, varBase, baseAcc, varBase);
    }

    public void Plane(int b, ReadOnlySpan<ulong> driven, float[] baseAcc, float[]? varBase, float[] acc, float[]? varAcc)
    {
        if (varAcc is null)
        {
            Sum(_diff[b], driven, baseAcc, acc);
            return;
        }

        Sum(_diff[b], _diffSquares![b], driven, baseAcc, varBase!, acc, varAcc);
    }

    public void Convert(int b, int j, float[] acc, float[]? varAcc, ReadOnlySpan<int> negatives, long[] total, ref ReadNoiseStream reads)
    {
        var n = _cells.Columns;
        var factor = _readout.Factor[b] << j;
        var adc = _readout.Quantizers[b];
        if (!_readout.Noisy && _readout.StaticIdeal)
        {
            AnalogReferenceKernel.ExactCodes(adc, factor, _cells.Differential, acc, negatives, total, n);
            return;
        }

        if (negatives.Length < Stride || acc.Length < Stride || total.Length < Stride || (varAcc is not null && varAcc.Length < Stride))
        {
            throw new ArgumentException("per-column arrays must have Stride entries");
        }

        ref var count0 = ref MemoryMarshal.GetArrayDataReference(acc);
        ref var negative0 = ref MemoryMarshal.GetReference(negatives);
        ref var scale0 = ref _scale[b * Stride];
        ref var bias0 = ref _bias[b * Stride];
        ref var total0 = ref MemoryMarshal.GetArrayDataReference(total);
        var top = Vector512.Create((float)adc.Top);
        var factors = Vector512.Create(factor);
        var readVariance = Vector512.Create(_readout.ReadVariance);
        var noiseVariance = Vector512.Create(_readout.NoiseVariance);
        for (var col = 0; col < n; col += 16)
        {
            var at = (nuint)col;
            var count = Vector512.LoadUnsafe(ref count0, at);
            if (_cells.Differential)
            {
                count += Vector512.ConvertToSingle(Vector512.LoadUnsafe(ref negative0, at));
            }

            var gain = Vector512.LoadUnsafe(ref scale0, at);
            var level = (count * gain) + Vector512.LoadUnsafe(ref bias0, at);
            if (_readout.Noisy)
            {
                var spread = varAcc is null
                    ? Vector512<float>.Zero
                    : readVariance * Avx512F.Max(Vector512<float>.Zero, Vector512.LoadUnsafe(ref varAcc[0], at)) * gain * gain;
                level += Vector512.Sqrt(spread + noiseVariance) * reads.Peek16();
                reads.Advance(Math.Min(16, n - col));
            }

            var code = Avx512F.ConvertToVector512Int32WithTruncation(Avx512F.Min(Avx512F.Max(Vector512.Floor(level), Vector512<float>.Zero), top));
            var low = Vector512.LoadUnsafe(ref total0, at) + (Avx512F.ConvertToVector512Int64(code.GetLower()) * factors);
            var high = Vector512.LoadUnsafe(ref total0, at + 8) + (Avx512F.ConvertToVector512Int64(code.GetUpper()) * factors);
            low.StoreUnsafe(ref total0, at);
            high.StoreUnsafe(ref total0, at + 8);
        }
    }

    /// <summary>acc = start + Σ over the rows set in <paramref name="rows"/>, ascending, of the table's (padded) row.</summary>
    private void Sum(float[] table, ReadOnlySpan<ulong> rows, float[] start, float[] acc)
    {
        Check(table, rows, Stride);
        ref var t = ref MemoryMarshal.GetArrayDataReference(table);
        for (var c = 0; c < Stride; c += Width)
        {
            var at = (nuint)c;
            var a0 = Vector512.LoadUnsafe(ref start[0], at);
            var a1 = Vector512.LoadUnsafe(ref start[0], at + 16);
            for (var w = 0; w < rows.Length; w++)
            {
                for (var bits = rows[w]; bits != 0; bits &= bits - 1)
                {
                    var offset = (nuint)((((w << 6) + BitOperations.TrailingZeroCount(bits)) * Stride) + c);
                    a0 += Vector512.LoadUnsafe(ref t, offset);
                    a1 += Vector512.LoadUnsafe(ref t, offset + 16);
                }
            }

            a0.StoreUnsafe(ref acc[0], at);
            a1.StoreUnsafe(ref acc[0], at + 16);
        }
    }

    /// <summary><see cref="Sum(float[], ReadOnlySpan{ulong}, float[], float[])"/> of two tables at once (counts and variances).</summary>
    private void Sum(float[] table, float[] squares, ReadOnlySpan<ulong> rows, float[] start, float[] startSquares, float[] acc, float[] accSquares)
    {
        Check(table, rows, Stride);
        Check(squares, rows, Stride);
        ref var t = ref MemoryMarshal.GetArrayDataReference(table);
        ref var s = ref MemoryMarshal.GetArrayDataReference(squares);
        for (var c = 0; c < Stride; c += Width)
        {
            var at = (nuint)c;
            var a0 = Vector512.LoadUnsafe(ref start[0], at);
            var a1 = Vector512.LoadUnsafe(ref start[0], at + 16);
            var v0 = Vector512.LoadUnsafe(ref startSquares[0], at);
            var v1 = Vector512.LoadUnsafe(ref startSquares[0], at + 16);
            for (var w = 0; w < rows.Length; w++)
            {
                for (var bits = rows[w]; bits != 0; bits &= bits - 1)
                {
                    var offset = (nuint)((((w << 6) + BitOperations.TrailingZeroCount(bits)) * Stride) + c);
                    a0 += Vector512.LoadUnsafe(ref t, offset);
                    a1 += Vector512.LoadUnsafe(ref t, offset + 16);
                    v0 += Vector512.LoadUnsafe(ref s, offset);
                    v1 += Vector512.LoadUnsafe(ref s, offset + 16);
                }
            }

            a0.StoreUnsafe(ref acc[0], at);
            a1.StoreUnsafe(ref acc[0], at + 16);
            v0.StoreUnsafe(ref accSquares[0], at);
            v1.StoreUnsafe(ref accSquares[0], at + 16);
        }
    }

    /// <summary>Every row set in <paramref name="rows"/> lies inside the table (the unchecked loads rely on it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Check(float[] table, ReadOnlySpan<ulong> rows, int stride)
    {
        var last = rows.Length - 1;
        while (last >= 0 && rows[last] == 0)
        {
            last--;
        }

        if (last >= 0 && ((((last << 6) + 64 - BitOperations.LeadingZeroCount(rows[last])) * stride) > table.Length))
        {
            throw new ArgumentOutOfRangeException(nameof(rows), "a driven row lies outside the block");
        }
    }

    /// <summary>Each block's [rows, n] table copied to [rows, stride] with zero padding.</summary>
    internal static float[][] Pad(float[][] tables, int n, int stride)
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
    internal static float[] Pad(float[] table, int n, int stride, int blocks)
    {
        var padded = new float[blocks * stride];
        for (var b = 0; b < blocks; b++)
        {
            table.AsSpan(b * n, n).CopyTo(padded.AsSpan(b * stride));
        }

        return padded;
    }
}
