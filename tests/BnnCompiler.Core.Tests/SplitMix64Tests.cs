using BnnCompiler.Core.Randomness;
namespace BnnCompiler.Core.Tests;

public sealed class SplitMix64Tests
{
    [Fact]
    public void Should_Match_The_Reference_Sequence()
    {
        // Reference values of Vigna's splitmix64.c for seed 1234567.
        var rng = new SplitMix64(1234567);
        ulong[] expected = [6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431, 16408922859458223821];
        Assert.Equal(expected, Enumerable.Range(0, 5).Select(_ => rng.NextUInt64()).ToArray());
    }

    [Fact]
    public void Should_Hash_Names_With_Fnv1a64()
    {
        Assert.Equal(0xCBF29CE484222325UL, SplitMix64.Fnv1a64(""));
        Assert.Equal(0xAF63DC4C8601EC8CUL, SplitMix64.Fnv1a64("a"));
    }

    [Fact]
    public void Should_Give_Each_Stream_Its_Own_Sequence()
    {
        var a = SplitMix64.ForStream(1, "conv1.weight").NextUInt64();
        Assert.Equal(a, SplitMix64.ForStream(1, "conv1.weight").NextUInt64());
        Assert.NotEqual(a, SplitMix64.ForStream(2, "conv1.weight").NextUInt64());
        Assert.NotEqual(a, SplitMix64.ForStream(1, "conv2.weight").NextUInt64());
    }

    [Fact]
    public void Should_Draw_Doubles_In_The_Unit_Interval()
    {
        var rng = new SplitMix64(7);
        Assert.All(Enumerable.Range(0, 10_000).Select(_ => rng.NextDouble()), d => Assert.InRange(d, 0.0, 0.9999999999999999));
    }
}
