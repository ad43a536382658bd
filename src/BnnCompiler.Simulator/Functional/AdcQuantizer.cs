namespace BnnCompiler.Simulator.Functional;

/// <summary>
/// The column read-out: an ADC of <see cref="Bits"/> bits over a subarray column of <see cref="FullScale"/>
/// weight rows. The column carries a match count m ∈ [0, FullScale]. Its reference levels are evenly spaced
/// from 0 to FullScale: level i = i·Δ with Δ = max(1, FullScale / (2^bits − 1)); the reading is the nearest
/// level, halves rounding up: code = min(2^bits − 1, ⌊m/Δ + ½⌋), computed in integers as
/// ⌊(2·m·(2^bits − 1) + FullScale) / (2·FullScale)⌋ so no rounding of Δ can move a tie. A multi-level sense
/// amplifier compares against the midpoints of these levels and a SAR converter binary-searches the same
/// midpoints, so both see these levels. With 2^bits − 1 ≥ FullScale every count is read exactly.
/// </summary>
public sealed class AdcQuantizer
{
    private readonly ushort[] _codes;

    public AdcQuantizer(int bits, int fullScale)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(fullScale, 1);
        Bits = bits;
        FullScale = fullScale;
        Top = (1 << bits) - 1;
        IsExact = Top >= fullScale;
        Step = IsExact ? 1.0 : (double)fullScale / Top;
        _codes = new ushort[IsExact ? 0 : fullScale + 1];
        for (var m = 0; !IsExact && m <= fullScale; m++)
        {
            _codes[m] = (ushort)Math.Min(Top, ((2L * m * Top) + fullScale) / (2L * fullScale));
        }
    }

    public int Bits { get; }

    public int FullScale { get; }

    /// <summary>The highest code, 2^bits − 1.</summary>
    public int Top { get; }

    /// <summary>Distance between adjacent reference levels, in counts.</summary>
    public double Step { get; }

    /// <summary>True when every count from 0 to FullScale has its own level.</summary>
    public bool IsExact { get; }

    /// <summary>The ADC output code (0 .. 2^bits − 1) for a true count m (the count itself when exact).</summary>
    public int Code(int count) => IsExact ? count : _codes[count];

    /// <summary>The count the digital side receives for a true count m: Code(m)·Δ.</summary>
    public double Read(int count) => IsExact ? count : _codes[count] * Step;

    /// <summary>The code of every count 0..FullScale (for table look-ups), or empty when exact.</summary>
    internal ReadOnlySpan<ushort> CodeTable => _codes;
}
