using BnnCompiler.Core.Randomness;
using BnnCompiler.Simulator.Analog;

namespace BnnCompiler.Simulator.Tests.Analog;

/// <summary>The inverse-normal draws against tabulated quantiles of the standard normal and against their moments.</summary>
public sealed class GaussianDrawTests
{
    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.8413447460685429, 1.0)]
    [InlineData(0.001, -3.090232306167814)]
    [InlineData(0.01, -2.326347874040841)]
    [InlineData(1e-9, -5.997807015007686)]
    [InlineData(0.999, 3.090232306167814)]
    public void Should_Invert_The_Normal_Distribution(double p, double quantile)
    {
        Assert.Equal(quantile, GaussianDraw.InverseNormal(p), 7);
    }

    [Fact]
    public void Should_Draw_Zero_Mean_Unit_Variance()
    {
        var random = new SplitMix64(5);
        var z = Enumerable.Range(0, 200_000).Select(_ => random.NextGaussian()).ToArray();
        var mean = z.Average();
        var variance = z.Sum(v => (v - mean) * (v - mean)) / (z.Length - 1);
        Assert.InRange(mean, -4 / Math.Sqrt(z.Length), 4 / Math.Sqrt(z.Length));
        Assert.InRange(variance, 1 - (4 * Math.Sqrt(2.0 / z.Length)), 1 + (4 * Math.Sqrt(2.0 / z.Length)));
        Assert.InRange(z.Count(v => Math.Abs(v) > 1.959963984540054) / (double)z.Length, 0.05 - 0.003, 0.05 + 0.003);
    }
}
