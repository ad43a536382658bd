using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// The per-conversion standard normals of one layer execution (read noise and conversion noise): draw i of a
/// stream whose state starts at s is Φ⁻¹(((u_i ≫ 41) + ½)·2⁻²³) in single precision, with u_i the i-th output of
/// SplitMix64 from s, u_i = mix(s + (i + 1)·γ), and Φ⁻¹ as <see cref="NormalQuantile"/> (p from 2⁻²⁴ to 1 − 2⁻²⁴,
/// so |z| stays below 5.4). Because a SplitMix64 output depends only on its position, sixteen consecutive draws are
/// computed at once (<see cref="Peek16"/>; eight with <see cref="Peek8"/>) and equal the sixteen scalar draws of <see cref="Next"/> bit for bit; the
/// scalar and vector kernels therefore read the same noise.
/// </summary>
public struct ReadNoiseStream(ulong state)
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private const ulong Mix1 = 0xBF58476D1CE4E5B9UL;
    private const ulong Mix2 = 0x94D049BB133111EBUL;
    private const float Unit = 1f / (1 << 23);

    private ulong _state = state;

    /// <summary>The next standard normal draw.</summary>
    public float Next()
    {
        _state = unchecked(_state + Golden);
        var z = _state;
        z = unchecked((z ^ (z >> 30)) * Mix1);
        z = unchecked((z ^ (z >> 27)) * Mix2);
        z ^= z >> 31;
        return NormalQuantile.Of(((int)(z >> 41) + 0.5f) * Unit);
    }

    /// <summary>The next sixteen draws (lane i is the i-th), without consuming them; <see cref="Advance"/> does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Vector512<float> Peek16() => Normal(PeekBits16());

    /// <summary>The 23 uniform bits q of the next sixteen draws (lane i is the i-th), without consuming them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Vector512<int> PeekBits16()
    {
        var start = Vector512.Create(_state);
        var lower = Mix(start + Vector512.Create(
            unchecked(Golden * 1), unchecked(Golden * 2), unchecked(Golden * 3), unchecked(Golden * 4),
            unchecked(Golden * 5), unchecked(Golden * 6), unchecked(Golden * 7), unchecked(Golden * 8)));
        var upper = Mix(start + Vector512.Create(
            unchecked(Golden * 9), unchecked(Golden * 10), unchecked(Golden * 11), unchecked(Golden * 12),
            unchecked(Golden * 13), unchecked(Golden * 14), unchecked(Golden * 15), unchecked(Golden * 16)));
        return Vector512.Narrow(lower >>> 41, upper >>> 41).AsInt32();
    }

    /// <summary>The draws of sixteen uniforms' bits q: Φ⁻¹((q + ½)·2⁻²³).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Normal(Vector512<int> bits) =>
        NormalQuantile.Of((Vector512.ConvertToSingle(bits) + Vector512.Create(0.5f)) * Vector512.Create(Unit));

    /// <summary>The next eight draws on 256-bit vectors (lane i is the i-th), without consuming them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Vector256<float> Peek8() => Normal(PeekBits8());

    /// <summary>The 23 uniform bits q of the next eight draws (lane i is the i-th), without consuming them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Vector256<int> PeekBits8()
    {
        var start = Vector256.Create(_state);
        var lower = Mix(start + Vector256.Create(unchecked(Golden * 1), unchecked(Golden * 2), unchecked(Golden * 3), unchecked(Golden * 4)));
        var upper = Mix(start + Vector256.Create(unchecked(Golden * 5), unchecked(Golden * 6), unchecked(Golden * 7), unchecked(Golden * 8)));
        return Vector256.Narrow(lower >>> 41, upper >>> 41).AsInt32();
    }

    /// <summary>The draws of eight uniforms' bits q: Φ⁻¹((q + ½)·2⁻²³).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Normal(Vector256<int> bits) =>
        NormalQuantile.Of((Vector256.ConvertToSingle(bits) + Vector256.Create(0.5f)) * Vector256.Create(Unit));

    /// <summary>Consumes <paramref name="draws"/> draws.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Advance(int draws) => _state = unchecked(_state + ((ulong)draws * Golden));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Mix(Vector512<ulong> z)
    {
        z = (z ^ (z >>> 30)) * Vector512.Create(Mix1);
        z = (z ^ (z >>> 27)) * Vector512.Create(Mix2);
        return z ^ (z >>> 31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Mix(Vector256<ulong> z)
    {
        z = (z ^ (z >>> 30)) * Vector256.Create(Mix1);
        z = (z ^ (z >>> 27)) * Vector256.Create(Mix2);
        return z ^ (z >>> 31);
    }
}
