using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BnnCompiler.Simulator.Functional;

/// <summary>
/// The hot loop of a crossbar layer: for one output pixel, every column's match counts per row block and bit
/// plane (m = popcount(driven ∧ ¬(x ⊕ w)) over the block's slot words), each converted by that block's ADC,
/// shifted by its plane and summed. Blocks of equal row count share an accumulator (<see cref="AdcKinds"/>), so the
/// column's quantised dot over all blocks is Σ_kind factor·acc / divisor in integers up to one final division. Weights are stored
/// [slot word, column] so eight columns load as one 512-bit vector (four as one 256-bit vector); with AVX-512 eight
/// columns run per instruction, with AVX2 four (popcount by nibble table, ADC codes by <see cref="VectorAdc"/>),
/// otherwise one at a time (<see cref="KernelPath"/>). Every path computes the same numbers (tested).
/// </summary>
internal sealed partial class ColumnKernel
{
    private readonly int _columns;
    private readonly int _stride;          // columns rounded up to a multiple of 8
    private readonly int _words;
    private readonly int _wordsPerBlock;
    private readonly ulong[] _weights;     // [word, stride]: bit = 1 for a +1 weight
    private readonly int[] _blockKind;
    private readonly long[] _kindFactor;
    private readonly long _divisor;
    private readonly ushort[][] _codes;    // per block; empty when its ADC is exact
    private readonly VectorAdc[] _vectorAdcs;
    private readonly AdcKinds _kinds;
    private readonly Vector256<double> _factor0;
    private readonly Vector256<double> _factor1;
    private readonly Vector256<double> _divisorVector;
    private readonly Vector256<ulong> _tailLanes;     // lanes of the last group that hold real columns
    private readonly Vector512<double> _factor0x8;
    private readonly Vector512<double> _factor1x8;

    /// <param name="slotWeights">[column, slot word]: bit = 1 for a +1 weight in that slot.</param>
    /// <param name="path">The path asked for; a vector path runs only where the machine supports it and the layer fits it (at most two ADC full scales, every ADC reproducible by <see cref="VectorAdc"/>), else the scalar path.</param>
    public ColumnKernel(ulong[] slotWeights, int columns, int wordsPerBlock, IReadOnlyList<AdcQuantizer> adcs, KernelPath path)
    {
        _columns = columns;
        _stride = (columns + 7) & ~7;
        _wordsPerBlock = wordsPerBlock;
        _words = adcs.Count * wordsPerBlock;
        _weights = new ulong[_words * _stride];
        for (var col = 0; col < columns; col++)
        {
            for (var word = 0; word < _words; word++)
            {
                _weights[(word * _stride) + col] = slotWeights[(col * _words) + word];
            }
        }

        var kinds = new AdcKinds(adcs);
        _kinds = kinds;
        _blockKind = kinds.BlockKind;
        _divisor = kinds.Divisor;
        _kindFactor = kinds.KindFactor;
        _codes = [.. adcs.Select(a => a.CodeTable.ToArray())];
        _vectorAdcs = kinds.VectorAdcs;
        _factor0 = Vector256.Create(kinds.Factor(0));
        _factor1 = Vector256.Create(kinds.Factor(1));
        _divisorVector = Vector256.Create((double)_divisor);
        var tail = columns - (((columns + 3) & ~3) - 4);
        _tailLanes = Vector256.Create(tail > 0 ? ulong.MaxValue : 0, tail > 1 ? ulong.MaxValue : 0, tail > 2 ? ulong.MaxValue : 0, tail > 3 ? ulong.MaxValue : 0);
        _factor0x8 = Vector512.Create(kinds.Factor(0));
        _factor1x8 = Vector512.Create(kinds.Factor(1));
        var vectorFits = kinds.FitVectors && (path != KernelPath.Avx512 || wordsPerBlock <= BitCounts.ByteSumWords);
        Path = !vectorFits || !KernelPaths.IsSupported(path) ? KernelPath.Scalar : path;
    }

    /// <summary>The path that runs (the one asked for when the machine and the layer allow it, else scalar).</summary>
    public KernelPath Path { get; }

    /// <summary>True when a vector path runs.</summary>
    public bool UsesSimd => Path != KernelPath.Scalar;

    /// <summary>Columns rounded up to a multiple of eight (the length of per-column term arrays).</summary>
    public int Stride => _stride;

    /// <summary>
    /// One pixel: every column's quantised dot d = Σ_j 2^j·m̂_j, then y = Scale·(d − NegativeTerm) +
    /// Constant·SignedValid (see <see cref="PixelTerms"/>) into <paramref name="result"/>[column].
    /// Returns Σ m over every conversion.
    /// </summary>
    /// <param name="x">Slot bits [plane, word] of the pixel.</param>
    /// <param name="valid">The driven slots [word].</param>
    public long Run(ReadOnlySpan<ulong> x, int planes, ReadOnlySpan<ulong> valid, in PixelTerms terms, Span<float> result) =>
        Path == KernelPath.Scalar ? RunScalar(x, planes, valid, terms, result)
        : Path == KernelPath.Avx512 ? RunAvx512(x, planes, valid, terms, result)
        : _wordsPerBlock == 1 ? RunSimdOneWord(x, planes, valid, terms, result)
        : RunSimd(x, planes, valid, terms, result);

    /// <summary>The scalar path (also what the AVX2 path must equal).</summary>
    public long RunScalar(ReadOnlySpan<ulong> x, int planes, ReadOnlySpan<ulong> valid, in PixelTerms terms, Span<float> result)
    {
        Span<long> acc = stackalloc long[_kindFactor.Length];
        var matched = 0L;
        var blocks = _blockKind.Length;
        for (var col = 0; col < _columns; col++)
        {
            acc.Clear();
            for (var b = 0; b < blocks; b++)
            {
                var codes = _codes[b];
                var first = b * _wordsPerBlock;
                for (var j = 0; j < planes; j++)
                {
                    var plane = j * _words;
                    var m = 0;
                    for (var word = first; word < first + _wordsPerBlock; word++)
                    {
                        m += BitOperations.PopCount(valid[word] & ~(x[plane + word] ^ _weights[(word * _stride) + col]));
                    }

                    matched += m;
                    acc[_blockKind[b]] += (long)(codes.Length == 0 ? m : codes[m]) << j;
                }
            }

            var total = 0L;
            for (var k = 0; k < acc.Length; k++)
            {
                total += _kindFactor[k] * acc[k];
            }

            var dot = _divisor == 1 ? total : (double)total / _divisor;
            result[col] = (float)((terms.Scale * (dot - terms.NegativeTerm[col])) + (terms.Constant * terms.SignedValid[col]));
        }

        return matched;
    }

    /// <summary>The AVX2 path for blocks of at most 64 rows (one slot word per block), kept small so the JIT holds it in registers.</summary>
    private long RunSimdOneWord(ReadOnlySpan<ulong> x, int planes, ReadOnlySpan<ulong> valid, in PixelTerms terms, Span<float> result)
    {
        var matched = Vector256<ulong>.Zero;
        var blocks = _blockKind.Length;
        var words = _words;
        ref var weights = ref MemoryMarshal.GetArrayDataReference(_weights);
        ref var slots = ref MemoryMarshal.GetReference(x);
        ref var driven = ref MemoryMarshal.GetReference(valid);
        var nibbles = Vector256.Create((byte)0x0F);
        var lookup = BitCounts.NibbleCounts;
        var allExact = _divisor == 1;
        Span<float> lanes = stackalloc float[4];
        for (var group = 0; group < _columns; group += 4)
        {
            // Padding columns (past the layer's last) must not count as conducting cells.
            var real = group + 4 <= _columns ? Vector256<ulong>.AllBitsSet : _tailLanes;
            var acc0 = Vector256<ulong>.Zero;
            var acc1 = Vector256<ulong>.Zero;
            for (var b = 0; b < blocks; b++)
            {
                var w = Vector256.LoadUnsafe(ref weights, (nuint)((b * _stride) + group));
                var v = Vector256.Create(Unsafe.Add(ref driven, b));
                if (allExact)
                {
                    for (var j = 0; j < planes; j++)
                    {
                        var m = BitCounts.PopCount(Vector256.AndNot(v, Vector256.Create(Unsafe.Add(ref slots, (j * words) + b)) ^ w), nibbles, lookup);
                        matched += m & real;
                        acc0 += Vector256.ShiftLeft(m, j);
                    }

                    continue;
                }

                var adc = _vectorAdcs[b];
                var second = _blockKind[b] != 0;
                for (var j = 0; j < planes; j++)
                {
                    var m = BitCounts.PopCount(Vector256.AndNot(v, Vector256.Create(Unsafe.Add(ref slots, (j * words) + b)) ^ w), nibbles, lookup);
                    Convert(m, j, adc, second, real, ref matched, ref acc0, ref acc1);
                }
            }

            Store(acc0, acc1, group, terms, result, lanes);
        }

        return (long)Vector256.Sum(matched);
    }

    private long RunSimd(ReadOnlySpan<ulong> x, int planes, ReadOnlySpan<ulong> valid, in PixelTerms terms, Span<float> result)
    {
        var matched = Vector256<ulong>.Zero;
        var blocks = _blockKind.Length;
        var weights = _weights.AsSpan();
        var nibbles = Vector256.Create((byte)0x0F);
        var lookup = BitCounts.NibbleCounts;
        Span<float> lanes = stackalloc float[4];
        for (var group = 0; group < _columns; group += 4)
        {
            // Padding columns (past the layer's last) must not count as conducting cells.
            var real = group + 4 <= _columns ? Vector256<ulong>.AllBitsSet : _tailLanes;
            var acc0 = Vector256<ulong>.Zero;
            var acc1 = Vector256<ulong>.Zero;
            for (var b = 0; b < blocks; b++)
            {
                var first = b * _wordsPerBlock;
                var adc = _vectorAdcs[b];
                var second = _blockKind[b] != 0;
                for (var j = 0; j < planes; j++)
                {
                    var plane = j * _words;
                    var m = Vector256<ulong>.Zero;
                    for (var word = first; word < first + _wordsPerBlock; word++)
                    {
                        var w = Vector256.Create(weights.Slice((word * _stride) + group, 4));
                        m += BitCounts.PopCount(Vector256.AndNot(Vector256.Create(valid[word]), Vector256.Create(x[plane + word]) ^ w), nibbles, lookup);
                    }

                    Convert(m, j, adc, second, real, ref matched, ref acc0, ref acc1);
                }
            }

            Store(acc0, acc1, group, terms, result, lanes);
        }

        return (long)Vector256.Sum(matched);
    }

    /// <summary>One plane's counts m of four columns: counted as conducting cells, converted by the block's ADC, shifted by the plane and added to the block kind's accumulator.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Convert(Vector256<ulong> m, int plane, VectorAdc adc, bool second, Vector256<ulong> real,
        ref Vector256<ulong> matched, ref Vector256<ulong> acc0, ref Vector256<ulong> acc1)
    {
        matched += m & real;
        var code = Vector256.ShiftLeft(adc.IsExact ? m : adc.Code(m), plane);
        if (second)
        {
            acc1 += code;
        }
        else
        {
            acc0 += code;
        }
    }

    /// <summary>Columns group..group+3: y = Scale·(dot − NegativeTerm) + Constant·SignedValid, dot from the kind accumulators.</summary>
    private void Store(Vector256<ulong> acc0, Vector256<ulong> acc1, int group, in PixelTerms terms, Span<float> result, Span<float> lanes)
    {
        var dot = _divisor == 1
            ? BitCounts.ToDouble(acc0) + BitCounts.ToDouble(acc1)
            : ((BitCounts.ToDouble(acc0) * _factor0) + (BitCounts.ToDouble(acc1) * _factor1)) / _divisorVector;
        var negative = Vector256.Create(terms.NegativeTerm.Slice(group, 4));
        var signedValid = Vector256.Create(terms.SignedValid.Slice(group, 4));
        var y = Avx.ConvertToVector128Single((Vector256.Create(terms.Scale) * (dot - negative)) + (Vector256.Create(terms.Constant) * signedValid));
        if (group + 4 <= _columns)
        {
            y.CopyTo(result[group..]);
        }
        else
        {
            y.CopyTo(lanes);
            lanes[..(_columns - group)].CopyTo(result[group..]);
        }
    }
}
