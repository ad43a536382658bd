using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BnnCompiler.Simulator.Functional;

/// <summary>
/// The column loops of <see cref="BlockLaneKernel"/>: eight output pixels per 512-bit vector (driven matches by one
/// ternary-logic instruction, byte counts by vpermi2b, the block's count by vpsadbw, its ADC code by a vpermi2b table),
/// used when every block holds fewer than 128 rows, or four per 256-bit vector (nibble look-up, <see cref="VectorAdc"/>),
/// used otherwise. Both compute y in doubles exactly as <see cref="ColumnKernel"/> does.
/// </summary>
internal sealed partial class BlockLaneKernel
{
    /// <summary>Truth table of a ∧ ¬(b ⊕ c) for vpternlogq with a = driven, b = input bits, c = weights.</summary>
    private const byte DrivenMatch = 0x90;

    /// <summary>
    /// Every block below 128 rows: four columns per pass over the slot vectors, each block's count converted by its
    /// byte table (vpermi2b; the count sits in a lane's low byte, its other bytes read code 0) and weighted by its
    /// kind's factor into one accumulator per column.
    /// </summary>
    private long TableColumns512(ReadOnlySpan<ulong> slots, double scale, double constant, Span<float> output)
    {
        var matched = Vector512<ulong>.Zero;
        for (var col = 0; col < _columns; col += 4)
        {
            matched += FourTableColumns512(slots, col, scale, constant, output);
        }

        return (long)Vector512.Sum(matched);
    }

    /// <summary>Columns col..col+3 (those that exist; a missing one repeats the last and is neither stored nor counted).</summary>
    private Vector512<ulong> FourTableColumns512(ReadOnlySpan<ulong> slots, int col, double scale, double constant, Span<float> output)
    {
        var (low, high, one) = (BitCounts.LowCounts, BitCounts.HighCounts, Vector512.Create((byte)1));
        var (words, perBlock, padded, planes) = (_words, _wordsPerBlock, _paddedPixels, _planes);
        var last = _columns - 1;
        ref var x = ref MemoryMarshal.GetReference(slots);
        ref var driven = ref MemoryMarshal.GetArrayDataReference(_driven);
        ref var w0 = ref _weights[col * words];
        ref var w1 = ref _weights[Math.Min(col + 1, last) * words];
        ref var w2 = ref _weights[Math.Min(col + 2, last) * words];
        ref var w3 = ref _weights[Math.Min(col + 3, last) * words];
        var (m0, m1, m2, m3) = (Vector512<ulong>.Zero, Vector512<ulong>.Zero, Vector512<ulong>.Zero, Vector512<ulong>.Zero);
        for (var p = 0; p < _pixels; p += 8)
        {
            var (a0, a1, a2, a3) = (Vector512<ulong>.Zero, Vector512<ulong>.Zero, Vector512<ulong>.Zero, Vector512<ulong>.Zero);
            for (var b = 0; b < _blocks; b++)
            {
                var (codeLow, codeHigh, factor) = (_codeLow[b], _codeHigh[b], _blockFactor[b]);
                var first = b * perBlock;
                for (var j = 0; j < planes; j++)
                {
                    var (b0, b1, b2, b3) = (Vector512<byte>.Zero, Vector512<byte>.Zero, Vector512<byte>.Zero, Vector512<byte>.Zero);
                    for (var word = first; word < first + perBlock; word++)
                    {
                        var d = Vector512.LoadUnsafe(ref driven, (nuint)((word * padded) + p));
                        var bits = Vector512.LoadUnsafe(ref x, (nuint)((((j * words) + word) * padded) + p));
                        b0 += BitCounts.ByteCounts(Avx512F.TernaryLogic(d, bits, Vector512.Create(Unsafe.Add(ref w0, word)), DrivenMatch), low, high, one);
                        b1 += BitCounts.ByteCounts(Avx512F.TernaryLogic(d, bits, Vector512.Create(Unsafe.Add(ref w1, word)), DrivenMatch), low, high, one);
                        b2 += BitCounts.ByteCounts(Avx512F.TernaryLogic(d, bits, Vector512.Create(Unsafe.Add(ref w2, word)), DrivenMatch), low, high, one);
                        b3 += BitCounts.ByteCounts(Avx512F.TernaryLogic(d, bits, Vector512.Create(Unsafe.Add(ref w3, word)), DrivenMatch), low, high, one);
                    }

                    a0 += Convert512(b0, codeLow, codeHigh, factor, j, ref m0);
                    a1 += Convert512(b1, codeLow, codeHigh, factor, j, ref m1);
                    a2 += Convert512(b2, codeLow, codeHigh, factor, j, ref m2);
                    a3 += Convert512(b3, codeLow, codeHigh, factor, j, ref m3);
                }
            }

            Store512(a0, col, p, scale, constant, output);
            if (col + 1 <= last)
            {
                Store512(a1, col + 1, p, scale, constant, output);
            }

            if (col + 2 <= last)
            {
                Store512(a2, col + 2, p, scale, constant, output);
            }

            if (col + 3 <= last)
            {
                Store512(a3, col + 3, p, scale, constant, output);
            }
        }

        return m0 + (col + 1 <= last ? m1 : Vector512<ulong>.Zero) + (col + 2 <= last ? m2 : Vector512<ulong>.Zero) + (col + 3 <= last ? m3 : Vector512<ulong>.Zero);
    }

    /// <summary>One block and plane of one column: the count from the byte counts (added to <paramref name="matched"/>), its code by table, times the kind's factor, shifted by the plane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Convert512(Vector512<byte> bytes, Vector512<byte> codeLow, Vector512<byte> codeHigh, Vector512<ulong> factor, int plane, ref Vector512<ulong> matched)
    {
        var m = Avx512BW.SumAbsoluteDifferences(bytes, Vector512<byte>.Zero).AsUInt64();
        matched += m;
        var code = Avx512Vbmi.PermuteVar64x8x2(codeLow, m.AsByte(), codeHigh).AsUInt32();
        return Vector512.ShiftLeft(Avx512F.Multiply(code, factor.AsUInt32()), plane);
    }

    /// <summary>Pixels p..p+7 of one column: y = Scale·(dot − NegativeTerm) + Constant·SignedValid, dot = Σ factor·code / divisor.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Store512(Vector512<ulong> weighted, int col, int p, double scale, double constant, Span<float> output)
    {
        var dot = BitCounts.ToDouble(weighted) / Vector512.Create((double)_kinds.Divisor);
        var at = (nuint)((col * _paddedPixels) + p);
        var negative = Avx512F.ConvertToVector512Double(Vector256.LoadUnsafe(ref _negativeTerm[0], at));
        var signedValid = Avx512F.ConvertToVector512Double(Vector256.LoadUnsafe(ref _signedValid[0], at));
        var value = Avx512F.ConvertToVector256Single((Vector512.Create(scale) * (dot - negative)) + (Vector512.Create(constant) * signedValid));
        var y = output.Slice(col * _pixels, _pixels);
        if (p + 8 <= _pixels)
        {
            value.CopyTo(y[p..]);
            return;
        }

        for (var lane = 0; p + lane < _pixels; lane++)
        {
            y[p + lane] = value.GetElement(lane);
        }
    }

    private long Columns256(ReadOnlySpan<ulong> slots, double scale, double constant, Span<float> output)
    {
        var matched = Vector256<ulong>.Zero;
        var (nibbles, lookup) = (Vector256.Create((byte)0x0F), BitCounts.NibbleCounts);
        var (words, perBlock, padded, planes) = (_words, _wordsPerBlock, _paddedPixels, _planes);
        var kinds = _kinds.BlockKind;
        var adcs = _kinds.VectorAdcs;
        ref var x = ref MemoryMarshal.GetReference(slots);
        ref var driven = ref MemoryMarshal.GetArrayDataReference(_driven);
        for (var col = 0; col < _columns; col++)
        {
            ref var w = ref _weights[col * words];
            for (var p = 0; p < _pixels; p += 4)
            {
                var (acc0, acc1) = (Vector256<ulong>.Zero, Vector256<ulong>.Zero);
                for (var b = 0; b < _blocks; b++)
                {
                    var first = b * perBlock;
                    for (var j = 0; j < planes; j++)
                    {
                        var bytes = Vector256<byte>.Zero;
                        for (var word = first; word < first + perBlock; word++)
                        {
                            var d = Vector256.LoadUnsafe(ref driven, (nuint)((word * padded) + p));
                            var bits = Vector256.LoadUnsafe(ref x, (nuint)((((j * words) + word) * padded) + p));
                            bytes += BitCounts.ByteCounts(Vector256.AndNot(d, bits ^ Vector256.Create(Unsafe.Add(ref w, word))), nibbles, lookup);
                        }

                        var m = Avx2.SumAbsoluteDifferences(bytes, Vector256<byte>.Zero).AsUInt64();
                        matched += m;
                        var code = Vector256.ShiftLeft(adcs[b].IsExact ? m : adcs[b].Code(m), j);
                        if (kinds[b] == 0)
                        {
                            acc0 += code;
                        }
                        else
                        {
                            acc1 += code;
                        }
                    }
                }

                Store256(acc0, acc1, col, p, scale, constant, output);
            }
        }

        return (long)Vector256.Sum(matched);
    }

    /// <summary>Pixels p..p+3 of one column (see <see cref="Store512"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Store256(Vector256<ulong> acc0, Vector256<ulong> acc1, int col, int p, double scale, double constant, Span<float> output)
    {
        var dot = _kinds.Divisor == 1
            ? BitCounts.ToDouble(acc0) + BitCounts.ToDouble(acc1)
            : ((BitCounts.ToDouble(acc0) * Vector256.Create(_kinds.Factor(0))) + (BitCounts.ToDouble(acc1) * Vector256.Create(_kinds.Factor(1))))
                / Vector256.Create((double)_kinds.Divisor);
        var at = (nuint)((col * _paddedPixels) + p);
        var negative = Avx.ConvertToVector256Double(Vector128.LoadUnsafe(ref _negativeTerm[0], at));
        var signedValid = Avx.ConvertToVector256Double(Vector128.LoadUnsafe(ref _signedValid[0], at));
        var value = Avx.ConvertToVector128Single((Vector256.Create(scale) * (dot - negative)) + (Vector256.Create(constant) * signedValid));
        var y = output.Slice(col * _pixels, _pixels);
        if (p + 4 <= _pixels)
        {
            value.CopyTo(y[p..]);
            return;
        }

        for (var lane = 0; p + lane < _pixels; lane++)
        {
            y[p + lane] = value.GetElement(lane);
        }
    }
}
