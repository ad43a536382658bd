using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BnnCompiler.Simulator.Functional;

/// <summary>
/// The AVX-512 path of <see cref="ColumnKernel"/>: eight columns per instruction. A block's match count comes from
/// one ternary-logic instruction (driven ∧ ¬(x ⊕ w)), a popcount per byte (a 128-entry table of the low seven bits,
/// vpermi2b, plus the top bit) and a sum of the eight bytes of each column (vpsadbw). When every ADC is exact and the input has one plane, the per-byte counts
/// of up to 31 words are added before one byte sum (a byte holds at most 8 per word, so 31 words stay below 256).
/// </summary>
internal sealed partial class ColumnKernel
{
    /// <summary>Truth table of a ∧ ¬(b ⊕ c) for vpternlogq with a = driven, b = input bits, c = weights.</summary>
    private const byte DrivenMatch = 0x90;

    private long RunAvx512(ReadOnlySpan<ulong> x, int planes, ReadOnlySpan<ulong> valid, in PixelTerms terms, Span<float> result) =>
        _divisor == 1 && planes == 1 ? RunAvx512Exact(x, valid, terms, result) : RunAvx512Planes(x, planes, valid, terms, result);

    /// <summary>One plane, every ADC exact: the column's dot is its total match count over all words.</summary>
    private long RunAvx512Exact(ReadOnlySpan<ulong> x, ReadOnlySpan<ulong> valid, in PixelTerms terms, Span<float> result)
    {
        var matched = Vector512<ulong>.Zero;
        var words = _words;
        ref var weights = ref MemoryMarshal.GetArrayDataReference(_weights);
        ref var slots = ref MemoryMarshal.GetReference(x);
        ref var driven = ref MemoryMarshal.GetReference(valid);
        var (low, high, one) = (BitCounts.LowCounts, BitCounts.HighCounts, Vector512.Create((byte)1));
        for (var group = 0; group < _columns; group += 8)
        {
            var m = Vector512<ulong>.Zero;
            for (var first = 0; first < words; first += BitCounts.ByteSumWords)
            {
                var bytes = Vector512<byte>.Zero;
                var last = Math.Min(words, first + BitCounts.ByteSumWords);
                for (var word = first; word < last; word++)
                {
                    var w = Vector512.LoadUnsafe(ref weights, (nuint)((word * _stride) + group));
                    var bits = Avx512F.TernaryLogic(Vector512.Create(Unsafe.Add(ref driven, word)), Vector512.Create(Unsafe.Add(ref slots, word)), w, DrivenMatch);
                    bytes += BitCounts.ByteCounts(bits, low, high, one);
                }

                m += Avx512BW.SumAbsoluteDifferences(bytes, Vector512<byte>.Zero).AsUInt64();
            }

            matched += m & RealLanes(group);
            Store512(m, Vector512<ulong>.Zero, group, terms, result);
        }

        return (long)Vector512.Sum(matched);
    }

    /// <summary>Any plane count and ADC: per block and plane, the count is converted and shifted into its kind's accumulator.</summary>
    private long RunAvx512Planes(ReadOnlySpan<ulong> x, int planes, ReadOnlySpan<ulong> valid, in PixelTerms terms, Span<float> result)
    {
        var matched = Vector512<ulong>.Zero;
        var blocks = _blockKind.Length;
        var words = _words;
        var perBlock = _wordsPerBlock;
        ref var weights = ref MemoryMarshal.GetArrayDataReference(_weights);
        ref var slots = ref MemoryMarshal.GetReference(x);
        ref var driven = ref MemoryMarshal.GetReference(valid);
        var (low, high, one) = (BitCounts.LowCounts, BitCounts.HighCounts, Vector512.Create((byte)1));
        var kinds = _kinds;
        var onTables = kinds.OnTables;
        for (var group = 0; group < _columns; group += 8)
        {
            var real = RealLanes(group);
            var acc0 = Vector512<ulong>.Zero;
            var acc1 = Vector512<ulong>.Zero;
            for (var b = 0; b < blocks; b++)
            {
                var adc = _vectorAdcs[b];
                var second = _blockKind[b] != 0;
                var first = b * perBlock;
                for (var j = 0; j < planes; j++)
                {
                    var bytes = Vector512<byte>.Zero;
                    for (var word = first; word < first + perBlock; word++)
                    {
                        var w = Vector512.LoadUnsafe(ref weights, (nuint)((word * _stride) + group));
                        var bits = Avx512F.TernaryLogic(Vector512.Create(Unsafe.Add(ref driven, word)), Vector512.Create(Unsafe.Add(ref slots, (j * words) + word)), w, DrivenMatch);
                        bytes += BitCounts.ByteCounts(bits, low, high, one);
                    }

                    // A block of at most 31 words (1,984 rows) keeps every byte count below 256.
                    var m = Avx512BW.SumAbsoluteDifferences(bytes, Vector512<byte>.Zero).AsUInt64();
                    matched += m & real;
                    var code = Vector512.ShiftLeft(onTables ? kinds.TableCode(b, m) : adc.IsExact ? m : adc.Code(m), j);
                    if (second)
                    {
                        acc1 += code;
                    }
                    else
                    {
                        acc0 += code;
                    }
                }
            }

            Store512(acc0, acc1, group, terms, result);
        }

        return (long)Vector512.Sum(matched);
    }

    /// <summary>Lanes of group..group+7 that hold real columns (padding columns must not count as conducting cells).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector512<ulong> RealLanes(int group) =>
        group + 8 <= _columns ? Vector512<ulong>.AllBitsSet
        : Vector512.LessThan(Vector512.Create((ulong)group) + Vector512<ulong>.Indices, Vector512.Create((ulong)_columns));

    /// <summary>Columns group..group+7: y = Scale·(dot − NegativeTerm) + Constant·SignedValid, dot from the kind accumulators.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Store512(Vector512<ulong> acc0, Vector512<ulong> acc1, int group, in PixelTerms terms, Span<float> result)
    {
        var dot = _divisor == 1
            ? BitCounts.ToDouble(acc0) + BitCounts.ToDouble(acc1)
            : ((BitCounts.ToDouble(acc0) * _factor0x8) + (BitCounts.ToDouble(acc1) * _factor1x8)) / Vector512.Create((double)_divisor);
        var negative = Vector512.Create(terms.NegativeTerm.Slice(group, 8));
        var signedValid = Vector512.Create(terms.SignedValid.Slice(group, 8));
        var y = Avx512F.ConvertToVector256Single((Vector512.Create(terms.Scale) * (dot - negative)) + (Vector512.Create(terms.Constant) * signedValid));
        if (group + 8 <= _columns)
        {
            y.CopyTo(result[group..]);
        }
        else
        {
            for (var lane = 0; lane < _columns - group; lane++)
            {
                result[group + lane] = y.GetElement(lane);
            }
        }
    }
}
