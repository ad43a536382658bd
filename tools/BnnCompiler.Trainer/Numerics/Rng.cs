namespace BnnCompiler.Trainer.Numerics;

/// <summary>
/// The trainer's draws on the project's SplitMix64: a sequence fixed by its definition (not by the runtime's
/// <see cref="Random"/>), so a seed reproduces the same training run on any .NET version.
/// </summary>
internal sealed class Rng
{
    private readonly BnnCompiler.Core.Randomness.SplitMix64 _source;

    public Rng(ulong seed) => _source = new BnnCompiler.Core.Randomness.SplitMix64(seed);

    public ulong NextUInt64() => _source.NextUInt64();

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, n).</summary>
    public int NextInt(int n) => (int)((NextUInt64() >> 33) % (ulong)n);

    public float Uniform(float low, float high) => (float)(low + (high - low) * NextDouble());

    /// <summary>A derived generator, e.g. one per layer, independent of how many numbers this one has drawn later.</summary>
    public Rng Fork(ulong salt) => new(NextUInt64() ^ (salt * 0xD1B54A32D192ED03UL));

    /// <summary>Fisher–Yates shuffle.</summary>
    public void Shuffle(int[] items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
