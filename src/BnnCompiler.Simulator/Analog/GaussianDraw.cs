using BnnCompiler.Core.Randomness;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// Standard normal draws from <see cref="SplitMix64"/> by the Box–Muller transform (Box and Muller, 1958):
/// z = √(−2 ln(1 − u₁)) · cos(2π u₂) with u₁, u₂ uniform on [0, 1). One pair of uniforms per draw (the sine
/// twin is not kept), so a draw depends only on its position in the stream.
/// </summary>
public static class GaussianDraw
{
    public static double NextGaussian(this SplitMix64 random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var u1 = random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(1.0 - u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
