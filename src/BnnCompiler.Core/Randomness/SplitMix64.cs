using System.Text;

namespace BnnCompiler.Core.Randomness;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014): a tiny
/// 64-bit generator whose output is fixed by its definition, unlike <see cref="System.Random"/> whose algorithm
/// may change between runtimes. Every seeded draw of the project (dataset splits, generated models, training,
/// Monte-Carlo trials) uses it, so a seed gives the same numbers on every machine and .NET version.
/// <c>state += 0x9E3779B97F4A7C15; z = state; z = (z ^ z&gt;&gt;30)·0xBF58476D1CE4E5B9;
/// z = (z ^ z&gt;&gt;27)·0x94D049BB133111EB; return z ^ z&gt;&gt;31</c> (all mod 2⁶⁴), starting from state = seed.
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    /// <summary>
    /// The generator of one named stream (e.g. one tensor) of a seeded run: its state starts at
    /// <c>FNV-1a-64(UTF-8 name) XOR first output of SplitMix64(seed)</c>, so a stream depends only on the seed
    /// and its name, not on the order in which streams are drawn.
    /// </summary>
    public static SplitMix64 ForStream(int seed, string name)
    {
        var seedMix = new SplitMix64(unchecked((ulong)(long)seed)).NextUInt64();
        return new SplitMix64(Fnv1a64(name) ^ seedMix);
    }

    public ulong NextUInt64()
    {
        unchecked
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>A double in [0, 1) with 53 random bits; exact, so no platform rounding enters.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A double in [low, high).</summary>
    public double NextDouble(double low, double high) => low + ((high - low) * NextDouble());

    /// <summary>
    /// Fisher–Yates shuffle in place: for i = n−1 down to 1, j = NextUInt64() mod (i+1), swap a[i] and a[j].
    /// (The modulo bias is below 2⁻⁵⁰ for the sizes used here and is part of the documented definition.)
    /// </summary>
    public void Shuffle<T>(T[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = (int)(NextUInt64() % (ulong)(i + 1));
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>FNV-1a, 64-bit, over the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static ulong Fnv1a64(string text)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 0x100000001B3UL);
        }

        return hash;
    }
}
