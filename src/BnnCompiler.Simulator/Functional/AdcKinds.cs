using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BnnCompiler.Simulator.Functional;

/// <summary>
/// A layer's row-block ADCs grouped for digital accumulation: blocks of equal full scale R share an accumulator
/// ("kind"), so the quantised dot over all blocks is Σ_kind factor·acc / divisor in integers up to one final
/// division. A code c of an inexact ADC is worth c·R/(2^b − 1), so with any inexact block the divisor is 2^b − 1,
/// an inexact kind's factor is R and an exact kind's (whose code is the count) is 2^b − 1; with every block exact
/// all factors and the divisor are 1. Also each block's <see cref="VectorAdc"/> and, below 128 rows, its codes as a byte table.
/// <code>
///   blocks 64, 64, 64, 64, 32 at 5 bits → kinds [64, 32], factors [64, 32], divisor 31: dot = (64·acc₆₄ + 32·acc₃₂) / 31
/// </code>
/// </summary>
internal sealed class AdcKinds
{
    public AdcKinds(IReadOnlyList<AdcQuantizer> adcs)
    {
        var kinds = adcs.Select(a => a.FullScale).Distinct().ToList();
        BlockKind = [.. adcs.Select(a => kinds.IndexOf(a.FullScale))];
        var exact = adcs.All(a => a.IsExact);
        var top = adcs[0].Top;
        Divisor = exact ? 1 : top;
        KindFactor = [.. kinds.Select(r => exact ? 1L : adcs.First(a => a.FullScale == r).IsExact ? top : r)];
        VectorAdcs = [.. adcs.Select(a => new VectorAdc(a))];

        // Counts 0..127 fit a two-register byte table; a 64-row block's 65 counts (0..64) need its second register.
        // An inexact block's codes stay below its count, an exact block's code is its count.
        OnTables = adcs.All(a => a.FullScale < 128);
        CodeLow = new Vector512<byte>[adcs.Count];
        CodeHigh = new Vector512<byte>[adcs.Count];
        for (var b = 0; OnTables && b < adcs.Count; b++)
        {
            var table = new byte[128];
            for (var m = 0; m <= adcs[b].FullScale; m++)
            {
                table[m] = (byte)adcs[b].Code(m);
            }

            CodeLow[b] = Vector512.Create(table.AsSpan(0, 64));
            CodeHigh[b] = Vector512.Create(table.AsSpan(64, 64));
        }
    }

    /// <summary>True when every block holds fewer than 128 rows: its codes come from <see cref="CodeLow"/> and <see cref="CodeHigh"/>.</summary>
    public bool OnTables { get; }

    /// <summary>Per block: the ADC code of each count 0..63 (the count itself when exact), for vpermi2b.</summary>
    public Vector512<byte>[] CodeLow { get; }

    /// <summary>Per block: the codes of counts 64..127.</summary>
    public Vector512<byte>[] CodeHigh { get; }

    /// <summary>Codes of eight counts, each in the low byte of its 64-bit lane (the lane's other bytes are zero and read code 0), by block <paramref name="block"/>'s table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<ulong> TableCode(int block, Vector512<ulong> counts) =>
        Avx512Vbmi.PermuteVar64x8x2(CodeLow[block], counts.AsByte(), CodeHigh[block]).AsUInt64();

    /// <summary>Per block: the index of its kind (0 for the first full scale met).</summary>
    public int[] BlockKind { get; }

    /// <summary>Per kind: what one unit of its accumulator is worth, times <see cref="Divisor"/>.</summary>
    public long[] KindFactor { get; }

    /// <summary>1 when every ADC is exact, else 2^b − 1.</summary>
    public long Divisor { get; }

    /// <summary>Per block: its ADC on vectors.</summary>
    public VectorAdc[] VectorAdcs { get; }

    /// <summary>The factor of kind <paramref name="kind"/>, 0 when the layer has fewer kinds.</summary>
    public double Factor(int kind) => kind < KindFactor.Length ? KindFactor[kind] : 0.0;

    /// <summary>True when the vector paths can run these blocks: at most two kinds, every ADC reproduced by <see cref="VectorAdc"/>.</summary>
    public bool FitVectors => KindFactor.Length <= 2 && VectorAdcs.All(d => d.IsValid);
}
