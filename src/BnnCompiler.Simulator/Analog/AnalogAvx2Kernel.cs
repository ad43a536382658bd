using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// <see cref="IAnalogKernel"/> on 256-bit vectors (AVX2), for machines without AVX-512: <see cref="AnalogVectorKernel"/>'s
/// arithmetic with the tables padded to 16 columns, 16 columns' counts (and variances) in registers while the driven
/// row groups' entries are added in order (<see cref="RowGroups"/>), and eight conversions with eight noise draws (<see cref="ReadNoiseStream.Peek8"/>)
/// per vector. Bit-identical to <see cref="AnalogReferenceKernel"/>.
/// </summary>
internal sealed class AnalogAvx2Kernel : PaddedAnalogKernel
{
    private const int Width = 16;
    private readonly Vector256<float>[] _lowDraws;   // the noise draws' bounds per coarse bucket (NoiseBounds)
    private readonly Vector256<float>[] _highDraws;

    public AnalogAvx2Kernel(AnalogLayerWeights cells, AnalogColumnReadout readout)
        : base(cells, readout, Width)
    {
        _lowDraws = NoiseBounds.CoarseVectors(low: true);
        _highDraws = NoiseBounds.CoarseVectors(low: false);
    }

    /// <summary>True when this machine runs the kernel (AVX2).</summary>
    public static bool IsSupported => Avx2.IsSupported && Vector256.IsHardwareAccelerated;

    protected override void Codes(int b, int j, float[] start, float[]? startSquares, ReadOnlySpan<int> entries, ReadOnlySpan<int> negatives, Span<int> codes, ref ReadNoiseStream reads, UndrivenRead? undriven = null)
    {
        var n = _cells.Columns;
        var adc = _readout.Quantizers[b];
        if (undriven is not null && entries.IsEmpty && _readout.Noisy)
        {
            Codes(j, undriven, Vector256.Create((float)adc.Top), codes, ref reads);
            return;
        }

        var table = _diffGroups[b];
        var squareTable = startSquares is null ? null : _diffSquareGroups![b];
        Check(table, entries, Stride);
        if (squareTable is not null)
        {
            Check(squareTable, entries, Stride);
        }

        ref var count0 = ref MemoryMarshal.GetArrayDataReference(start);
        ref var t = ref MemoryMarshal.GetArrayDataReference(table);
        ref var e = ref MemoryMarshal.GetReference(entries);
        ref var negative0 = ref MemoryMarshal.GetReference(negatives);
        ref var scale0 = ref _scale[b * Stride];
        ref var bias0 = ref _bias[b * Stride];
        ref var codes0 = ref MemoryMarshal.GetReference(codes);
        var top = Vector256.Create((float)adc.Top);
        var readVariance = Vector256.Create(_readout.ReadVariance);
        var noiseVariance = Vector256.Create(_readout.NoiseVariance);
        for (var col = 0; col < n; col += 8)
        {
            var at = (nuint)col;
            var count = Vector256.LoadUnsafe(ref count0, at);
            for (var i = 0; i < entries.Length; i++)
            {
                count += Vector256.LoadUnsafe(ref t, ((nuint)Unsafe.Add(ref e, i) * (nuint)Stride) + at);
            }

            if (_cells.Differential)
            {
                count += Vector256.ConvertToSingle(Vector256.LoadUnsafe(ref negative0, at));
            }

            var gain = Vector256.LoadUnsafe(ref scale0, at);
            var level = (count * gain) + Vector256.LoadUnsafe(ref bias0, at);
            if (_readout.Noisy)
            {
                var spread = Vector256<float>.Zero;
                if (squareTable is not null)
                {
                    var squares = Vector256.LoadUnsafe(ref startSquares![0], at);
                    ref var q = ref MemoryMarshal.GetArrayDataReference(squareTable);
                    for (var i = 0; i < entries.Length; i++)
                    {
                        squares += Vector256.LoadUnsafe(ref q, ((nuint)Unsafe.Add(ref e, i) * (nuint)Stride) + at);
                    }

                    spread = readVariance * Avx.Max(Vector256<float>.Zero, squares) * gain * gain;
                }

                level = Noisy(level, Vector256.Sqrt(spread + noiseVariance), top, ref reads, Math.Min(8, n - col));
            }
            else
            {
                level = Clamp(level, top);
            }

            var code = Avx.ConvertToVector256Int32WithTruncation(level);
            (Vector256.LoadUnsafe(ref codes0, at) + (code << j)).StoreUnsafe(ref codes0, at);
        }
    }

    /// <summary>
    /// The codes of a read whose level and σ per column were computed beforehand (<see cref="PaddedAnalogKernel.Undriven"/>):
    /// from the code's steps in the draw's bits where it has them (two integer comparisons per lane), else from the levels.
    /// </summary>
    private void Codes(int j, UndrivenRead undriven, Vector256<float> top, Span<int> codes, ref ReadNoiseStream reads)
    {
        var n = _cells.Columns;
        var levels = undriven.Levels;
        if (levels.Length < 2 * Stride || codes.Length < Stride || (undriven.Steps is { } s && s.Length < (NoiseSteps.MaxSteps + 1) * Stride))
        {
            throw new ArgumentException("levels hold a level and a σ per column, steps a code and two steps", nameof(undriven));
        }

        if (undriven.Steps is { } steps)
        {
            Steps(j, steps, codes, ref reads);
            return;
        }

        ref var level0 = ref MemoryMarshal.GetArrayDataReference(levels);
        ref var codes0 = ref MemoryMarshal.GetReference(codes);
        for (var col = 0; col < n; col += 8)
        {
            var at = (nuint)col;
            var clamped = Noisy(Vector256.LoadUnsafe(ref level0, at), Vector256.LoadUnsafe(ref level0, (nuint)Stride + at), top, ref reads, Math.Min(8, n - col));
            var code = Avx.ConvertToVector256Int32WithTruncation(clamped);
            (Vector256.LoadUnsafe(ref codes0, at) + (code << j)).StoreUnsafe(ref codes0, at);
        }
    }

    /// <summary>Each column's code from its steps (<see cref="NoiseSteps"/>): code at q = 0, plus one per step T ≤ q.</summary>
    private void Steps(int j, int[] steps, Span<int> codes, ref ReadNoiseStream reads)
    {
        var n = _cells.Columns;
        ref var step0 = ref MemoryMarshal.GetArrayDataReference(steps);
        ref var codes0 = ref MemoryMarshal.GetReference(codes);
        var stride = (nuint)Stride;
        for (var col = 0; col < n; col += 8)
        {
            var at = (nuint)col;
            var bits = reads.PeekBits8();
            reads.Advance(Math.Min(8, n - col));
            var code = Vector256.LoadUnsafe(ref step0, at)
                - Vector256.GreaterThanOrEqual(bits, Vector256.LoadUnsafe(ref step0, stride + at))
                - Vector256.GreaterThanOrEqual(bits, Vector256.LoadUnsafe(ref step0, (2 * stride) + at));
            (Vector256.LoadUnsafe(ref codes0, at) + (code << j)).StoreUnsafe(ref codes0, at);
        }
    }

    /// <summary>
    /// ⌊level + σ·z⌋ clamped to 0..top for the next eight draws z, consuming <paramref name="count"/> of them; as in the
    /// 512-bit kernel, over the coarse buckets: the bounds decide the code unless they differ.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector256<float> Noisy(Vector256<float> level, Vector256<float> sigma, Vector256<float> top, ref ReadNoiseStream reads, int count)
    {
        var bits = reads.PeekBits8();
        reads.Advance(count);
        var bucket = bits >>> NoiseBounds.CoarseShift;
        var clamped = Clamp(level + (sigma * NoiseBounds.Lookup(_lowDraws, bucket)), top);
        return clamped == Clamp(level + (sigma * NoiseBounds.Lookup(_highDraws, bucket)), top)
            ? clamped
            : Clamp(level + (sigma * ReadNoiseStream.Normal(bits)), top);
    }

    protected override void Accumulate(int b, ReadOnlySpan<int> codes, long[] total)
    {
        ref var codes0 = ref MemoryMarshal.GetReference(codes);
        ref var total0 = ref MemoryMarshal.GetArrayDataReference(total);
        ref var factor0 = ref _signedFactors[b * Stride];
        for (var col = 0; col < Stride; col += 8)
        {
            var at = (nuint)col;
            var code = Vector256.LoadUnsafe(ref codes0, at);
            var low = Vector256.LoadUnsafe(ref total0, at) + (Avx2.ConvertToVector256Int64(code.GetLower()) * Vector256.LoadUnsafe(ref factor0, at));
            var high = Vector256.LoadUnsafe(ref total0, at + 4) + (Avx2.ConvertToVector256Int64(code.GetUpper()) * Vector256.LoadUnsafe(ref factor0, at + 4));
            low.StoreUnsafe(ref total0, at);
            high.StoreUnsafe(ref total0, at + 4);
        }
    }

    /// <summary>⌊level⌋ clamped to 0..top.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Clamp(Vector256<float> level, Vector256<float> top) =>
        Avx.Min(Avx.Max(Vector256.Floor(level), Vector256<float>.Zero), top);

    /// <summary>acc = start + Σ over <paramref name="entries"/>, in order, of the table's (padded) entry.</summary>
    protected override void Sum(float[] table, ReadOnlySpan<int> entries, float[] start, float[] acc)
    {
        Check(table, entries, Stride);
        ref var t = ref MemoryMarshal.GetArrayDataReference(table);
        ref var e = ref MemoryMarshal.GetReference(entries);
        for (var c = 0; c < Stride; c += Width)
        {
            var at = (nuint)c;
            var a0 = Vector256.LoadUnsafe(ref start[0], at);
            var a1 = Vector256.LoadUnsafe(ref start[0], at + 8);
            for (var i = 0; i < entries.Length; i++)
            {
                var offset = ((nuint)Unsafe.Add(ref e, i) * (nuint)Stride) + at;
                a0 += Vector256.LoadUnsafe(ref t, offset);
                a1 += Vector256.LoadUnsafe(ref t, offset + 8);
            }

            a0.StoreUnsafe(ref acc[0], at);
            a1.StoreUnsafe(ref acc[0], at + 8);
        }
    }

    /// <summary><see cref="Sum(float[], ReadOnlySpan{int}, float[], float[])"/> of two tables at once (counts and variances).</summary>
    protected override void Sum(float[] table, float[] squares, ReadOnlySpan<int> entries, float[] start, float[] startSquares, float[] acc, float[] accSquares)
    {
        Check(table, entries, Stride);
        Check(squares, entries, Stride);
        ref var t = ref MemoryMarshal.GetArrayDataReference(table);
        ref var s = ref MemoryMarshal.GetArrayDataReference(squares);
        ref var e = ref MemoryMarshal.GetReference(entries);
        for (var c = 0; c < Stride; c += Width)
        {
            var at = (nuint)c;
            var a0 = Vector256.LoadUnsafe(ref start[0], at);
            var a1 = Vector256.LoadUnsafe(ref start[0], at + 8);
            var v0 = Vector256.LoadUnsafe(ref startSquares[0], at);
            var v1 = Vector256.LoadUnsafe(ref startSquares[0], at + 8);
            for (var i = 0; i < entries.Length; i++)
            {
                var offset = ((nuint)Unsafe.Add(ref e, i) * (nuint)Stride) + at;
                a0 += Vector256.LoadUnsafe(ref t, offset);
                a1 += Vector256.LoadUnsafe(ref t, offset + 8);
                v0 += Vector256.LoadUnsafe(ref s, offset);
                v1 += Vector256.LoadUnsafe(ref s, offset + 8);
            }

            a0.StoreUnsafe(ref acc[0], at);
            a1.StoreUnsafe(ref acc[0], at + 8);
            v0.StoreUnsafe(ref accSquares[0], at);
            v1.StoreUnsafe(ref accSquares[0], at + 8);
        }
    }
}
