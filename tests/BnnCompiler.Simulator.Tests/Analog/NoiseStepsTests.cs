using BnnCompiler.Core.Randomness;
using BnnCompiler.Simulator.Analog;

namespace BnnCompiler.Simulator.Tests.Analog;

/// <summary>
/// The code steps of reads known beforehand give the conversion's own code at every draw: the draws never decrease over
/// all 2²³ bit patterns, and for seeded levels and σ the code from the steps equals ⌊level + σ·z(q)⌋ clamped, at each
/// step, one below it and at seeded q.
/// </summary>
public sealed class NoiseStepsTests
{
    [Fact]
    public void Should_Find_The_Draws_Monotone() => Assert.True(NoiseSteps.Monotone);

    [Fact]
    public void Should_Give_The_Conversion_Code_At_Every_Draw()
    {
        const int columns = 21, stride = 32, top = 31;
        var random = new SplitMix64(5);
        var levels = new float[2 * stride];
        for (var col = 0; col < columns; col++)
        {
            // Levels across the range and past both ends (clamped codes), σ from 0.01 to 0.21 LSB.
            levels[col] = (float)((random.NextDouble() * 34) - 1.5);
            levels[stride + col] = (float)(0.01 + (random.NextDouble() * 0.2));
        }

        var steps = NoiseSteps.Of(levels, columns, stride, top);
        Assert.NotNull(steps);
        for (var col = 0; col < columns; col++)
        {
            var (level, sigma) = (levels[col], levels[stride + col]);
            int CodeFromSteps(int q) => steps[col] + (q >= steps[stride + col] ? 1 : 0) + (q >= steps[(2 * stride) + col] ? 1 : 0);
            var probes = new List<int> { 0, (1 << 23) - 1 };
            for (var k = 1; k <= 2; k++)
            {
                var t = steps[(k * stride) + col];
                if (t < 1 << 23)
                {
                    probes.Add(t);
                    probes.Add(t - 1);
                }
            }

            for (var i = 0; i < 200; i++)
            {
                probes.Add((int)(random.NextUInt64() >> 41));
            }

            foreach (var q in probes)
            {
                var floor = MathF.Floor(level + (sigma * NoiseBounds.Draw(q)));
                var expected = floor <= 0 ? 0 : floor >= top ? top : (int)floor;
                Assert.Equal(expected, CodeFromSteps(q));
            }
        }
    }

    [Fact]
    public void Should_Refuse_A_Column_With_More_Than_Two_Steps()
    {
        // σ = 1 LSB spreads the code over about ±5 codes.
        var levels = new float[] { 10.3f, 1f };
        Assert.Null(NoiseSteps.Of(levels, 1, 1, 31));
    }
}
