using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// Φ⁻¹(p), the standard normal quantile, in single precision from additions and multiplications only (a square root in
/// the far tails), so that one value and sixteen or eight at once (<see cref="Vector512{T}"/>, <see cref="Vector256{T}"/>) give bit-identical results:
/// Φ⁻¹(p) = √2·erfinv(2p − 1), erfinv(x) = x·P(w) with w = −ln(1 − x²) = −ln(4p(1 − p)), P a polynomial in w − 2.5
/// for w &lt; 5 and in √w − 3 beyond (M. Giles, "Approximating the erfinv function", GPU Computing Gems Jade Edition,
/// 2011: the single-precision coefficients, a few ulp), and ln as in the Cephes library's logf (S. L. Moshier): p = m·2^e
/// with m in [√½, √2), ln p = e·ln 2 + f − f²/2 + f³·Q(f), f = m − 1, ln 2 split in two parts.
/// </summary>
public static class NormalQuantile
{
    private const float Sqrt2 = 1.41421356f;
    private const uint MantissaBits = 0x007F_FFFFU;
    private const uint ExponentOne = 0x3F80_0000U;

    /// <summary>Φ⁻¹(p) for p in (0, 1).</summary>
    public static float Of(float p)
    {
        var x = (2 * p) - 1;
        var w = -Log((p * (1 - p)) * 4);
        float erfinv;
        if (w < 5)
        {
            erfinv = Centre(w - 2.5f) * x;
        }
        else
        {
            erfinv = Tail(MathF.Sqrt(w) - 3) * x;
        }

        return Sqrt2 * erfinv;
    }

    /// <summary>Φ⁻¹ of sixteen probabilities, each bit-identical to <see cref="Of(float)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Of(Vector512<float> p)
    {
        var x = (Vector512.Create(2f) * p) - Vector512<float>.One;
        var w = -Log((p * (Vector512<float>.One - p)) * Vector512.Create(4f));
        var p1 = Centre(w - Vector512.Create(2.5f));
        var far = Vector512.GreaterThanOrEqual(w, Vector512.Create(5f));
        if (far != Vector512<float>.Zero)
        {
            p1 = Vector512.ConditionalSelect(far, Tail(Vector512.Sqrt(w) - Vector512.Create(3f)), p1);
        }

        return Vector512.Create(Sqrt2) * (p1 * x);
    }

    /// <summary>ln x for a positive normal x (Cephes logf).</summary>
    public static float Log(float x)
    {
        var bits = BitConverter.SingleToUInt32Bits(x);
        var e = (float)((int)(bits >> 23) - 127);
        var m = BitConverter.UInt32BitsToSingle((bits & MantissaBits) | ExponentOne);
        var above = m > Sqrt2;
        m = above ? m * 0.5f : m;
        e += above ? 1f : 0f;
        var f = m - 1;
        var z = f * f;
        var y = (7.0376836292e-2f * f) - 1.1514610310e-1f;
        y = (y * f) + 1.1676998740e-1f;
        y = (y * f) - 1.2420140846e-1f;
        y = (y * f) + 1.4249322787e-1f;
        y = (y * f) - 1.6668057665e-1f;
        y = (y * f) + 2.0000714765e-1f;
        y = (y * f) - 2.4999993993e-1f;
        y = (y * f) + 3.3333331174e-1f;
        y = y * f * z;
        y += -2.12194440e-4f * e;
        y += -0.5f * z;
        return f + y + (0.693359375f * e);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Log(Vector512<float> x)
    {
        var bits = x.AsUInt32();
        var e = Vector512.ConvertToSingle((bits >>> 23).AsInt32() - Vector512.Create(127));
        var m = ((bits & Vector512.Create(MantissaBits)) | Vector512.Create(ExponentOne)).AsSingle();
        var above = Vector512.GreaterThan(m, Vector512.Create(Sqrt2));
        m = Vector512.ConditionalSelect(above, m * Vector512.Create(0.5f), m);
        e += Vector512.ConditionalSelect(above, Vector512<float>.One, Vector512<float>.Zero);
        var f = m - Vector512<float>.One;
        var z = f * f;
        var y = (Vector512.Create(7.0376836292e-2f) * f) - Vector512.Create(1.1514610310e-1f);
        y = (y * f) + Vector512.Create(1.1676998740e-1f);
        y = (y * f) - Vector512.Create(1.2420140846e-1f);
        y = (y * f) + Vector512.Create(1.4249322787e-1f);
        y = (y * f) - Vector512.Create(1.6668057665e-1f);
        y = (y * f) + Vector512.Create(2.0000714765e-1f);
        y = (y * f) - Vector512.Create(2.4999993993e-1f);
        y = (y * f) + Vector512.Create(3.3333331174e-1f);
        y = y * f * z;
        y += Vector512.Create(-2.12194440e-4f) * e;
        y += Vector512.Create(-0.5f) * z;
        return f + y + (Vector512.Create(0.693359375f) * e);
    }

    private static float Centre(float w)
    {
        var p = (2.81022636e-08f * w) + 3.43273939e-07f;
        p = (p * w) - 3.5233877e-06f;
        p = (p * w) - 4.39150654e-06f;
        p = (p * w) + 0.00021858087f;
        p = (p * w) - 0.00125372503f;
        p = (p * w) - 0.00417768164f;
        p = (p * w) + 0.246640727f;
        return (p * w) + 1.50140941f;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Centre(Vector512<float> w)
    {
        var p = (Vector512.Create(2.81022636e-08f) * w) + Vector512.Create(3.43273939e-07f);
        p = (p * w) - Vector512.Create(3.5233877e-06f);
        p = (p * w) - Vector512.Create(4.39150654e-06f);
        p = (p * w) + Vector512.Create(0.00021858087f);
        p = (p * w) - Vector512.Create(0.00125372503f);
        p = (p * w) - Vector512.Create(0.00417768164f);
        p = (p * w) + Vector512.Create(0.246640727f);
        return (p * w) + Vector512.Create(1.50140941f);
    }

    private static float Tail(float w)
    {
        var p = (-0.000200214257f * w) + 0.000100950558f;
        p = (p * w) + 0.00134934322f;
        p = (p * w) - 0.00367342844f;
        p = (p * w) + 0.00573950773f;
        p = (p * w) - 0.0076224613f;
        p = (p * w) + 0.00943887047f;
        p = (p * w) + 1.00167406f;
        return (p * w) + 2.83297682f;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Tail(Vector512<float> w)
    {
        var p = (Vector512.Create(-0.000200214257f) * w) + Vector512.Create(0.000100950558f);
        p = (p * w) + Vector512.Create(0.00134934322f);
        p = (p * w) - Vector512.Create(0.00367342844f);
        p = (p * w) + Vector512.Create(0.00573950773f);
        p = (p * w) - Vector512.Create(0.0076224613f);
        p = (p * w) + Vector512.Create(0.00943887047f);
        p = (p * w) + Vector512.Create(1.00167406f);
        return (p * w) + Vector512.Create(2.83297682f);
    }
    /// <summary>Φ⁻¹ of eight probabilities, each bit-identical to <see cref="Of(float)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Of(Vector256<float> p)
    {
        var x = (Vector256.Create(2f) * p) - Vector256<float>.One;
        var w = -Log((p * (Vector256<float>.One - p)) * Vector256.Create(4f));
        var p1 = Centre(w - Vector256.Create(2.5f));
        var far = Vector256.GreaterThanOrEqual(w, Vector256.Create(5f));
        if (far != Vector256<float>.Zero)
        {
            p1 = Vector256.ConditionalSelect(far, Tail(Vector256.Sqrt(w) - Vector256.Create(3f)), p1);
        }

        return Vector256.Create(Sqrt2) * (p1 * x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Log(Vector256<float> x)
    {
        var bits = x.AsUInt32();
        var e = Vector256.ConvertToSingle((bits >>> 23).AsInt32() - Vector256.Create(127));
        var m = ((bits & Vector256.Create(MantissaBits)) | Vector256.Create(ExponentOne)).AsSingle();
        var above = Vector256.GreaterThan(m, Vector256.Create(Sqrt2));
        m = Vector256.ConditionalSelect(above, m * Vector256.Create(0.5f), m);
        e += Vector256.ConditionalSelect(above, Vector256<float>.One, Vector256<float>.Zero);
        var f = m - Vector256<float>.One;
        var z = f * f;
        var y = (Vector256.Create(7.0376836292e-2f) * f) - Vector256.Create(1.1514610310e-1f);
        y = (y * f) + Vector256.Create(1.1676998740e-1f);
        y = (y * f) - Vector256.Create(1.2420140846e-1f);
        y = (y * f) + Vector256.Create(1.4249322787e-1f);
        y = (y * f) - Vector256.Create(1.6668057665e-1f);
        y = (y * f) + Vector256.Create(2.0000714765e-1f);
        y = (y * f) - Vector256.Create(2.4999993993e-1f);
        y = (y * f) + Vector256.Create(3.3333331174e-1f);
        y = y * f * z;
        y += Vector256.Create(-2.12194440e-4f) * e;
        y += Vector256.Create(-0.5f) * z;
        return f + y + (Vector256.Create(0.693359375f) * e);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Centre(Vector256<float> w)
    {
        var p = (Vector256.Create(2.81022636e-08f) * w) + Vector256.Create(3.43273939e-07f);
        p = (p * w) - Vector256.Create(3.5233877e-06f);
        p = (p * w) - Vector256.Create(4.39150654e-06f);
        p = (p * w) + Vector256.Create(0.00021858087f);
        p = (p * w) - Vector256.Create(0.00125372503f);
        p = (p * w) - Vector256.Create(0.00417768164f);
        p = (p * w) + Vector256.Create(0.246640727f);
        return (p * w) + Vector256.Create(1.50140941f);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Tail(Vector256<float> w)
    {
        var p = (Vector256.Create(-0.000200214257f) * w) + Vector256.Create(0.000100950558f);
        p = (p * w) + Vector256.Create(0.00134934322f);
        p = (p * w) - Vector256.Create(0.00367342844f);
        p = (p * w) + Vector256.Create(0.00573950773f);
        p = (p * w) - Vector256.Create(0.0076224613f);
        p = (p * w) + Vector256.Create(0.00943887047f);
        p = (p * w) + Vector256.Create(1.00167406f);
        return (p * w) + Vector256.Create(2.83297682f);
    }
}
