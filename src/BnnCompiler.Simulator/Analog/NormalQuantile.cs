using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// Φ⁻¹(p), the standard normal quantile, in plain IEEE arithmetic (additions, multiplications, divisions, square
/// roots and bit fields) so that one value and eight values at once (<see cref="Vector512{T}"/>) give bit-identical
/// results: Acklam's rational functions as in <see cref="GaussianDraw.InverseNormal"/> (relative error below
/// 1.15·10⁻⁹), with the tails' logarithm computed here instead of by <see cref="Math.Log(double)"/>: p = m·2^e with
/// m in [√½, √2), ln p = e·ln 2 + 2·atanh((m − 1)/(m + 1)), the series to s¹³ (error below 10⁻¹²).
/// </summary>
public static class NormalQuantile
{
    private const double Low = 0.02425;
    private const double High = 1 - Low;
    private const double Sqrt2 = 1.4142135623730951;
    private const double Ln2 = 0.6931471805599453;
    private const ulong MantissaBits = 0x000F_FFFF_FFFF_FFFFUL;
    private const ulong ExponentOne = 0x3FF0_0000_0000_0000UL;

    /// <summary>Φ⁻¹(p) for p in (0, 1).</summary>
    public static double Of(double p)
    {
        if (p < Low)
        {
            return Tail(Math.Sqrt(-2 * Log(p)));
        }

        if (p > High)
        {
            return -Tail(Math.Sqrt(-2 * Log(1 - p)));
        }

        return Central(p);
    }

    /// <summary>Φ⁻¹ of eight probabilities, each bit-identical to <see cref="Of(double)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Of(Vector512<double> p)
    {
        var central = Central(p);
        var low = Vector512.LessThan(p, Vector512.Create(Low));
        var high = Vector512.GreaterThan(p, Vector512.Create(High));
        var tails = low | high;
        if (tails == Vector512<double>.Zero)
        {
            return central;
        }

        var near = Vector512.ConditionalSelect(low, p, Vector512<double>.One - p);
        var tail = Tail(Vector512.Sqrt(Vector512.Create(-2.0) * Log(near)));
        return Vector512.ConditionalSelect(low, tail, Vector512.ConditionalSelect(high, -tail, central));
    }

    /// <summary>ln x for a positive normal x.</summary>
    public static double Log(double x)
    {
        var bits = BitConverter.DoubleToUInt64Bits(x);
        var exponent = (double)((long)(bits >> 52) - 1023);
        var m = BitConverter.UInt64BitsToDouble((bits & MantissaBits) | ExponentOne);
        var above = m > Sqrt2;
        m = above ? m * 0.5 : m;
        exponent += above ? 1.0 : 0.0;
        var s = (m - 1) / (m + 1);
        return (exponent * Ln2) + Series(s, s * s);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Log(Vector512<double> x)
    {
        var bits = x.AsUInt64();
        var exponent = Vector512.ConvertToDouble((bits >>> 52).AsInt64() - Vector512.Create(1023L));
        var m = (bits & Vector512.Create(MantissaBits) | Vector512.Create(ExponentOne)).AsDouble();
        var above = Vector512.GreaterThan(m, Vector512.Create(Sqrt2));
        m = Vector512.ConditionalSelect(above, m * Vector512.Create(0.5), m);
        exponent += Vector512.ConditionalSelect(above, Vector512<double>.One, Vector512<double>.Zero);
        var s = (m - Vector512<double>.One) / (m + Vector512<double>.One);
        return (exponent * Vector512.Create(Ln2)) + Series(s, s * s);
    }

    private static double Series(double s, double t) =>
        2 * s * (1 + (t * ((1.0 / 3) + (t * ((1.0 / 5) + (t * ((1.0 / 7) + (t * ((1.0 / 9) + (t * ((1.0 / 11) + (t * (1.0 / 13)))))))))))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Series(Vector512<double> s, Vector512<double> t) =>
        Vector512.Create(2.0) * s * (Vector512<double>.One + (t * (Vector512.Create(1.0 / 3) + (t * (Vector512.Create(1.0 / 5) + (t * (Vector512.Create(1.0 / 7)
            + (t * (Vector512.Create(1.0 / 9) + (t * (Vector512.Create(1.0 / 11) + (t * Vector512.Create(1.0 / 13)))))))))))));

    private static double Central(double p)
    {
        var q = p - 0.5;
        var r = q * q;
        return (((((((((((-3.969683028665376e+01 * r) + 2.209460984245205e+02) * r) - 2.759285104469687e+02) * r) + 1.383577518672690e+02) * r) - 3.066479806614716e+01) * r) + 2.506628277459239e+00) * q)
            / ((((((((((-5.447609879822406e+01 * r) + 1.615858368580409e+02) * r) - 1.556989798598866e+02) * r) + 6.680131188771972e+01) * r) - 1.328068155288572e+01) * r) + 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Central(Vector512<double> p)
    {
        var q = p - Vector512.Create(0.5);
        var r = q * q;
        var num = (Vector512.Create(-3.969683028665376e+01) * r) + Vector512.Create(2.209460984245205e+02);
        num = (num * r) - Vector512.Create(2.759285104469687e+02);
        num = (num * r) + Vector512.Create(1.383577518672690e+02);
        num = (num * r) - Vector512.Create(3.066479806614716e+01);
        num = (num * r) + Vector512.Create(2.506628277459239e+00);
        num *= q;
        var den = (Vector512.Create(-5.447609879822406e+01) * r) + Vector512.Create(1.615858368580409e+02);
        den = (den * r) - Vector512.Create(1.556989798598866e+02);
        den = (den * r) + Vector512.Create(6.680131188771972e+01);
        den = (den * r) - Vector512.Create(1.328068155288572e+01);
        den = (den * r) + Vector512<double>.One;
        return num / den;
    }

    private static double Tail(double q) =>
        ((((((((((-7.784894002430293e-03 * q) - 3.223964580411365e-01) * q) - 2.400758277161838e+00) * q) - 2.549732539343734e+00) * q) + 4.374664141464968e+00) * q) + 2.938163982698783e+00)
        / ((((((((7.784695709041462e-03 * q) + 3.224671290700398e-01) * q) + 2.445134137142996e+00) * q) + 3.754408661907416e+00) * q) + 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Tail(Vector512<double> q)
    {
        var num = (Vector512.Create(-7.784894002430293e-03) * q) - Vector512.Create(3.223964580411365e-01);
        num = (num * q) - Vector512.Create(2.400758277161838e+00);
        num = (num * q) - Vector512.Create(2.549732539343734e+00);
        num = (num * q) + Vector512.Create(4.374664141464968e+00);
        num = (num * q) + Vector512.Create(2.938163982698783e+00);
        var den = (Vector512.Create(7.784695709041462e-03) * q) + Vector512.Create(3.224671290700398e-01);
        den = (den * q) + Vector512.Create(2.445134137142996e+00);
        den = (den * q) + Vector512.Create(3.754408661907416e+00);
        den = (den * q) + Vector512<double>.One;
        return num / den;
    }
}
