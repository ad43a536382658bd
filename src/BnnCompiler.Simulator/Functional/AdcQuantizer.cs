namespace BnnCompiler.Simulator.Functional;

/// <summary>
/// The column read-out: an ADC of <see cref="Bits"/> bits over a subarray column of <see cref="FullScale"/>
/// weight rows. The column carries a match count m ∈ [0, FullScale]. Its reference levels are
/// evenly spaced from 0 to FullScale: level i = i·Δ with Δ = max(1, FullScale / (2^bits − 1)); the
/// reading is the nearest level (halves round up). A multi-level sense amplifier compares against the
/// midpoints of these levels and a SAR converter binary-searches the same midpoints, so both see these
/// levels. With 2^bits − 1 ≥ FullScale every count is read exactly.
/// </summary>
public sealed class AdcQuantizer
{
    private readonly double[] _table;

    public AdcQuantizer(int bits, int fullScale)
    {
        Bits = bits;
        FullScale = fullScale;
        var top = (1 << bits) - 1;
        Step = Math.Max(1.0, (double)fullScale / top);
        IsExact = top >= fullScale;
        _table = new double[fullScale + 1];
        for (var m = 0; m <= fullScale; m++)
        {
            var code = Math.Min(top, (int)Math.Floor((m / Step) + 0.5));
            _table[m] = code * Step;
        }
    }

    public int Bits { get; }

    public int FullScale { get; }

    /// <summary>Distance between adjacent reference levels, in counts.</summary>
    public double Step { get; }

    /// <summary>True when every count from 0 to FullScale has its own level.</summary>
    public bool IsExact { get; }

    /// <summary>The count the digital side receives for a true count m.</summary>
    public double Read(int count) => _table[count];

    /// <summary>The ADC output code (0 .. 2^bits − 1) for a true count m.</summary>
    public int Code(int count) => (int)Math.Round(_table[count] / Step);
}
