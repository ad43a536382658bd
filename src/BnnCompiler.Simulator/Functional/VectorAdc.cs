using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BnnCompiler.Simulator.Functional;

/// <summary>
/// <see cref="AdcQuantizer"/>'s code, min(2^b − 1, ⌊(2·m·(2^b − 1) + R) / (2R)⌋), for four counts at once with AVX2
/// (eight with AVX-512):
/// the division by d = 2R becomes a multiply by M = ⌈2^32 / d⌉ and a shift by 32, exact while the dividend stays
/// below 2^32 / d. The constructor checks every count 0..R against the quantizer's table; a read-out it cannot
/// reproduce exactly is marked invalid and the scalar path runs instead.
/// </summary>
internal sealed class VectorAdc
{
    private readonly Vector256<ulong> _twiceTop;
    private readonly Vector256<ulong> _fullScale;
    private readonly Vector256<ulong> _multiplier;
    private readonly Vector256<ulong> _top;
    private readonly Vector512<ulong> _twiceTop8;
    private readonly Vector512<ulong> _fullScale8;
    private readonly Vector512<ulong> _multiplier8;
    private readonly Vector512<ulong> _top8;

    public VectorAdc(AdcQuantizer adc)
    {
        IsExact = adc.IsExact;
        var divisor = 2UL * (ulong)adc.FullScale;
        var multiplier = ((1UL << 32) + divisor - 1) / divisor;
        _twiceTop = Vector256.Create(2UL * (ulong)adc.Top);
        _fullScale = Vector256.Create((ulong)adc.FullScale);
        _multiplier = Vector256.Create(multiplier);
        _top = Vector256.Create((ulong)adc.Top);
        _twiceTop8 = Vector512.Create(2UL * (ulong)adc.Top);
        _fullScale8 = Vector512.Create((ulong)adc.FullScale);
        _multiplier8 = Vector512.Create(multiplier);
        _top8 = Vector512.Create((ulong)adc.Top);
        IsValid = IsExact || (Avx2.IsSupported && Enumerable.Range(0, adc.FullScale + 1).All(m => Scalar(m, adc, multiplier) == adc.Code(m)));
    }

    public bool IsExact { get; }

    /// <summary>True when <see cref="Code"/> equals the quantizer for every count.</summary>
    public bool IsValid { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<ulong> Code(Vector256<ulong> counts)
    {
        var dividend = Avx2.Multiply(counts.AsUInt32(), _twiceTop.AsUInt32()) + _fullScale;
        var quotient = Vector256.ShiftRightLogical(Avx2.Multiply(dividend.AsUInt32(), _multiplier.AsUInt32()), 32);
        return Vector256.ConditionalSelect(Vector256.GreaterThan(quotient, _top), _top, quotient);
    }

    /// <summary>The same codes for eight counts (AVX-512 F).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<ulong> Code(Vector512<ulong> counts)
    {
        var dividend = Avx512F.Multiply(counts.AsUInt32(), _twiceTop8.AsUInt32()) + _fullScale8;
        var quotient = Vector512.ShiftRightLogical(Avx512F.Multiply(dividend.AsUInt32(), _multiplier8.AsUInt32()), 32);
        return Vector512.Min(quotient, _top8);
    }

    private static long Scalar(int m, AdcQuantizer adc, ulong multiplier)
    {
        var dividend = (2UL * (ulong)m * (ulong)adc.Top) + (ulong)adc.FullScale;
        if (dividend >= 1UL << 32)
        {
            return -1;
        }

        return (long)Math.Min((ulong)adc.Top, (dividend * multiplier) >> 32);
    }
}
