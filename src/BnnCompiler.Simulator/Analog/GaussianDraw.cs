using BnnCompiler.Core.Randomness;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// Standard normal draws from <see cref="SplitMix64"/> by inversion: one uniform p ∈ (0, 1) (53 random bits, offset
/// by half a step so p is never 0 or 1) mapped through Φ⁻¹ as approximated by Acklam's rational functions
/// (P. J. Acklam, "An algorithm for computing the inverse normal cumulative distribution function", 2003; relative
/// error below 1.15·10⁻⁹): a rational function of (p − ½)² in the centre, of √(−2 ln p) in the tails (p below 0.02425
/// or above 1 − 0.02425). One uniform per draw and no logarithm in 95 % of draws, so the Monte-Carlo's per-read
/// noise stays cheap; a draw depends only on its position in the stream.
/// </summary>
public static class GaussianDraw
{
    private const double Low = 0.02425;

    public static double NextGaussian(this SplitMix64 random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var p = ((random.NextUInt64() >> 11) + 0.5) * (1.0 / (1UL << 53));
        return InverseNormal(p);
    }

    /// <summary>Φ⁻¹(p) for p in (0, 1), Acklam's approximation.</summary>
    public static double InverseNormal(double p)
    {
        if (p < Low)
        {
            return Tail(Math.Sqrt(-2 * Math.Log(p)));
        }

        if (p > 1 - Low)
        {
            return -Tail(Math.Sqrt(-2 * Math.Log(1 - p)));
        }

        var q = p - 0.5;
        var r = q * q;
        return (((((((((((-3.969683028665376e+01 * r) + 2.209460984245205e+02) * r) - 2.759285104469687e+02) * r) + 1.383577518672690e+02) * r) - 3.066479806614716e+01) * r) + 2.506628277459239e+00) * q)
            / (((((((((-5.447609879822406e+01 * r) + 1.615858368580409e+02) * r) - 1.556989798598866e+02) * r) + 6.680131188771972e+01) * r) - 1.328068155288572e+01) * r + 1);
    }

    private static double Tail(double q) =>
        ((((((((((-7.784894002430293e-03 * q) - 3.223964580411365e-01) * q) - 2.400758277161838e+00) * q) - 2.549732539343734e+00) * q) + 4.374664141464968e+00) * q) + 2.938163982698783e+00)
        / ((((((((7.784695709041462e-03 * q) + 3.224671290700398e-01) * q) + 2.445134137142996e+00) * q) + 3.754408661907416e+00) * q) + 1);
}
