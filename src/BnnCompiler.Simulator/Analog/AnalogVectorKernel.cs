using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// <see cref="IAnalogKernel"/> on 512-bit vectors (AVX-512 F and DQ): the coefficient tables copied with each row
/// padded to a multiple of 32 columns, 32 columns' counts (and read-noise variances) held in registers while the
/// entries of a plane's driven row groups (<see cref="RowGroups"/>) are added in order, then sixteen conversions at a time in single precision with
/// sixteen noise draws at once (<see cref="ReadNoiseStream.Peek16"/>), most decided from both bounds of their bucket in one look-up
/// (<see cref="NoiseBounds.LookupBoth"/>). Same additions in the same order as
/// <see cref="AnalogReferenceKernel"/>, so bit-identical outputs.
/// </summary>
internal sealed class AnalogVectorKernel : PaddedAnalogKernel
{
    private const int Width = 32;
    private readonly Vector512<float>[] _draws;   // the noise draws' bounds per bucket, both in one entry (NoiseBounds.PackedVectors)

    public AnalogVectorKernel(AnalogLayerWeights cells, AnalogColumnReadout readout)
        : base(cells, readout, Width)
    {
        _draws = Packed.Value;
    }

    private static readonly Lazy<Vector512<float>[]> Packed = new(NoiseBounds.PackedVectors);

    /// <summary>True when this machine runs the kernel (AVX-512 F and DQ).</summary>
    public static bool IsSupported => Avx512F.IsSupported && Avx512DQ.IsSupported && Vector512.IsHardwareAccelerated;

    protected override void Codes(int b, int j, float[] start, float[]? startSquares, ReadOnlySpan<int> entries, ReadOnlySpan<int> negatives, Span<int> codes, ref ReadNoiseStream reads, UndrivenRead? undriven = null)
    {
        var n = _cells.Columns;
        var adc = _readout.Quantizers[b];
        if (undriven is not null && entries.IsEmpty && _readout.Noisy)
        {
            Codes(j, undriven, Vector512.Create((float)adc.Top), codes, ref reads);
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
        var top = Vector512.Create((float)adc.Top);
        var readVariance = Vector512.Create(_readout.ReadVariance);
        var noiseVariance = Vector512.Create(_readout.NoiseVariance);
        var (differential, noisy, draws) = (_cells.Differential, _readout.Noisy, _draws);
        var stream = reads;   // the stream's state in a register while the vectors are converted
        for (var col = 0; col < n; col += 16)
        {
            var at = (nuint)col;
            var count = Vector512.LoadUnsafe(ref count0, at);
            for (var i = 0; i < entries.Length; i++)
            {
                count += Vector512.LoadUnsafe(ref t, ((nuint)Unsafe.Add(ref e, i) * (nuint)Stride) + at);
            }

            if (differential)
            {
                count += Vector512.ConvertToSingle(Vector512.LoadUnsafe(ref negative0, at));
            }

            var gain = Vector512.LoadUnsafe(ref scale0, at);
            var level = (count * gain) + Vector512.LoadUnsafe(ref bias0, at);
            Vector512<float> clamped;
            if (noisy)
            {
                var spread = Vector512<float>.Zero;
                if (squareTable is not null)
                {
                    var squares = Vector512.LoadUnsafe(ref startSquares![0], at);
                    ref var q = ref MemoryMarshal.GetArrayDataReference(squareTable);
                    for (var i = 0; i < entries.Length; i++)
                    {
                        squares += Vector512.LoadUnsafe(ref q, ((nuint)Unsafe.Add(ref e, i) * (nuint)Stride) + at);
                    }

                    spread = readVariance * Avx512F.Max(Vector512<float>.Zero, squares) * gain * gain;
                }

                clamped = Noisy(level, Vector512.Sqrt(spread + noiseVariance), top, draws, ref stream, Math.Min(16, n - col));
            }
            else
            {
                clamped = Clamp(level, top);
            }

            var code = Avx512F.ConvertToVector512Int32WithTruncation(clamped);
            (Vector512.LoadUnsafe(ref codes0, at) + (code << j)).StoreUnsafe(ref codes0, at);
        }

        reads = stream;
    }

    /// <summary>
    /// The codes of a read whose level and σ per column were computed beforehand (<see cref="PaddedAnalogKernel.Undriven"/>):
    /// from the code's steps in the draw's bits where it has them (two integer comparisons per lane), else from the levels.
    /// </summary>
    private void Codes(int j, UndrivenRead undriven, Vector512<float> top, Span<int> codes, ref ReadNoiseStream reads)
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
        var draws = _draws;
        var stream = reads;
        for (var col = 0; col < n; col += 16)
        {
            var at = (nuint)col;
            var clamped = Noisy(Vector512.LoadUnsafe(ref level0, at), Vector512.LoadUnsafe(ref level0, (nuint)Stride + at), top, draws, ref stream, Math.Min(16, n - col));
            var code = Avx512F.ConvertToVector512Int32WithTruncation(clamped);
            (Vector512.LoadUnsafe(ref codes0, at) + (code << j)).StoreUnsafe(ref codes0, at);
        }

        reads = stream;
    }

    /// <summary>Each column's code from its steps (<see cref="NoiseSteps"/>): code at q = 0, plus one per step T ≤ q.</summary>
    private void Steps(int j, int[] steps, Span<int> codes, ref ReadNoiseStream reads)
    {
        var n = _cells.Columns;
        ref var step0 = ref MemoryMarshal.GetArrayDataReference(steps);
        ref var codes0 = ref MemoryMarshal.GetReference(codes);
        var stride = (nuint)Stride;
        var stream = reads;
        for (var col = 0; col < n; col += 16)
        {
            var at = (nuint)col;
            var bits = stream.PeekBits16();
            stream.Advance(Math.Min(16, n - col));
            var code = Vector512.LoadUnsafe(ref step0, at)
                - Vector512.GreaterThanOrEqual(bits, Vector512.LoadUnsafe(ref step0, stride + at))
                - Vector512.GreaterThanOrEqual(bits, Vector512.LoadUnsafe(ref step0, (2 * stride) + at));
            (Vector512.LoadUnsafe(ref codes0, at) + (code << j)).StoreUnsafe(ref codes0, at);
        }

        reads = stream;
    }

    /// <summary>
    /// ⌊level + σ·z⌋ clamped to 0..top for the next sixteen draws z, consuming <paramref name="count"/> of them. The code
    /// never decreases with the draw: when both bounds of the draws' buckets give one code, it is the code.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Noisy(Vector512<float> level, Vector512<float> sigma, Vector512<float> top, Vector512<float>[] draws, ref ReadNoiseStream stream, int count)
    {
        var bits = stream.PeekBits16();
        stream.Advance(count);
        var (low, high) = NoiseBounds.LookupBoth(draws, bits >>> NoiseBounds.Shift);
        var clamped = Clamp(level + (sigma * low), top);
        return clamped == Clamp(level + (sigma * high), top) ? clamped : Clamp(level + (sigma * ReadNoiseStream.Normal(bits)), top);
    }

    protected override void Accumulate(int b, ReadOnlySpan<int> codes, long[] total)
    {
        ref var codes0 = ref MemoryMarshal.GetReference(codes);
        ref var total0 = ref MemoryMarshal.GetArrayDataReference(total);
        ref var factor0 = ref _signedFactors[b * Stride];
        for (var col = 0; col < Stride; col += 16)
        {
            var at = (nuint)col;
            var code = Vector512.LoadUnsafe(ref codes0, at);
            var low = Vector512.LoadUnsafe(ref total0, at) + (Avx512F.ConvertToVector512Int64(code.GetLower()) * Vector512.LoadUnsafe(ref factor0, at));
            var high = Vector512.LoadUnsafe(ref total0, at + 8) + (Avx512F.ConvertToVector512Int64(code.GetUpper()) * Vector512.LoadUnsafe(ref factor0, at + 8));
            low.StoreUnsafe(ref total0, at);
            high.StoreUnsafe(ref total0, at + 8);
        }
    }

    /// <summary>⌊level⌋ clamped to 0..top.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Clamp(Vector512<float> level, Vector512<float> top) =>
        Avx512F.Min(Avx512F.Max(Vector512.Floor(level), Vector512<float>.Zero), top);

    /// <summary>acc = start + Σ over <paramref name="entries"/>, in order, of the table's (padded) entry.</summary>
    protected override void Sum(float[] table, ReadOnlySpan<int> entries, float[] start, float[] acc)
    {
        Check(table, entries, Stride);
        ref var t = ref MemoryMarshal.GetArrayDataReference(table);
        ref var e = ref MemoryMarshal.GetReference(entries);
        var count = entries.Length;
        var c = 0;
        for (; c + 64 <= Stride; c += 64)
        {
            // 64 columns a pass where the width allows: four independent chains of additions instead of two.
            var at = (nuint)c;
            var a0 = Vector512.LoadUnsafe(ref start[0], at);
            var a1 = Vector512.LoadUnsafe(ref start[0], at + 16);
            var a2 = Vector512.LoadUnsafe(ref start[0], at + 32);
            var a3 = Vector512.LoadUnsafe(ref start[0], at + 48);
            for (var i = 0; i < count; i++)
            {
                var offset = ((nuint)Unsafe.Add(ref e, i) * (nuint)Stride) + at;
                a0 += Vector512.LoadUnsafe(ref t, offset);
                a1 += Vector512.LoadUnsafe(ref t, offset + 16);
                a2 += Vector512.LoadUnsafe(ref t, offset + 32);
                a3 += Vector512.LoadUnsafe(ref t, offset + 48);
            }

            a0.StoreUnsafe(ref acc[0], at);
            a1.StoreUnsafe(ref acc[0], at + 16);
            a2.StoreUnsafe(ref acc[0], at + 32);
            a3.StoreUnsafe(ref acc[0], at + 48);
        }

        for (; c < Stride; c += Width)
        {
            var at = (nuint)c;
            var a0 = Vector512.LoadUnsafe(ref start[0], at);
            var a1 = Vector512.LoadUnsafe(ref start[0], at + 16);
            for (var i = 0; i < count; i++)
            {
                var offset = ((nuint)Unsafe.Add(ref e, i) * (nuint)Stride) + at;
                a0 += Vector512.LoadUnsafe(ref t, offset);
                a1 += Vector512.LoadUnsafe(ref t, offset + 16);
            }

            a0.StoreUnsafe(ref acc[0], at);
            a1.StoreUnsafe(ref acc[0], at + 16);
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
        var count = entries.Length;
        var c = 0;
        for (; c + 64 <= Stride; c += 64)
        {
            var at = (nuint)c;
            var a0 = Vector512.LoadUnsafe(ref start[0], at);
            var a1 = Vector512.LoadUnsafe(ref start[0], at + 16);
            var a2 = Vector512.LoadUnsafe(ref start[0], at + 32);
            var a3 = Vector512.LoadUnsafe(ref start[0], at + 48);
            var v0 = Vector512.LoadUnsafe(ref startSquares[0], at);
            var v1 = Vector512.LoadUnsafe(ref startSquares[0], at + 16);
            var v2 = Vector512.LoadUnsafe(ref startSquares[0], at + 32);
            var v3 = Vector512.LoadUnsafe(ref startSquares[0], at + 48);
            for (var i = 0; i < count; i++)
            {
                var offset = ((nuint)Unsafe.Add(ref e, i) * (nuint)Stride) + at;
                a0 += Vector512.LoadUnsafe(ref t, offset);
                a1 += Vector512.LoadUnsafe(ref t, offset + 16);
                a2 += Vector512.LoadUnsafe(ref t, offset + 32);
                a3 += Vector512.LoadUnsafe(ref t, offset + 48);
                v0 += Vector512.LoadUnsafe(ref s, offset);
                v1 += Vector512.LoadUnsafe(ref s, offset + 16);
                v2 += Vector512.LoadUnsafe(ref s, offset + 32);
                v3 += Vector512.LoadUnsafe(ref s, offset + 48);
            }

            a0.StoreUnsafe(ref acc[0], at);
            a1.StoreUnsafe(ref acc[0], at + 16);
            a2.StoreUnsafe(ref acc[0], at + 32);
            a3.StoreUnsafe(ref acc[0], at + 48);
            v0.StoreUnsafe(ref accSquares[0], at);
            v1.StoreUnsafe(ref accSquares[0], at + 16);
            v2.StoreUnsafe(ref accSquares[0], at + 32);
            v3.StoreUnsafe(ref accSquares[0], at + 48);
        }

        for (; c < Stride; c += Width)
        {
            var at = (nuint)c;
            var a0 = Vector512.LoadUnsafe(ref start[0], at);
            var a1 = Vector512.LoadUnsafe(ref start[0], at + 16);
            var v0 = Vector512.LoadUnsafe(ref startSquares[0], at);
            var v1 = Vector512.LoadUnsafe(ref startSquares[0], at + 16);
            for (var i = 0; i < count; i++)
            {
                var offset = ((nuint)Unsafe.Add(ref e, i) * (nuint)Stride) + at;
                a0 += Vector512.LoadUnsafe(ref t, offset);
                a1 += Vector512.LoadUnsafe(ref t, offset + 16);
                v0 += Vector512.LoadUnsafe(ref s, offset);
                v1 += Vector512.LoadUnsafe(ref s, offset + 16);
            }

            a0.StoreUnsafe(ref acc[0], at);
            a1.StoreUnsafe(ref acc[0], at + 16);
            v0.StoreUnsafe(ref accSquares[0], at);
            v1.StoreUnsafe(ref accSquares[0], at + 16);
        }
    }
}
