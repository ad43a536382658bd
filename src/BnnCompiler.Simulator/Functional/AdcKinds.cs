namespace BnnCompiler.Simulator.Functional;

/// <summary>
/// A layer's row-block ADCs grouped for digital accumulation: blocks of equal full scale R share an accumulator
/// ("kind"), so the quantised dot over all blocks is Σ_kind factor·acc / divisor in integers up to one final
/// division. A code c of an inexact ADC is worth c·R/(2^b − 1), so with any inexact block the divisor is 2^b − 1,
/// an inexact kind's factor is R and an exact kind's (whose code is the count) is 2^b − 1; with every block exact
/// all factors and the divisor are 1. Also each block's <see cref="VectorAdc"/>.
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
    }

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
