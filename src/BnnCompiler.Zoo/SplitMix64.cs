using System.Text;

namespace BnnCompiler.Zoo;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014), the
/// generator Java's <c>SplittableRandom</c> and the xoshiro authors' seeding use. Chosen over
/// <see cref="System.Random"/> because its output is fixed by these few lines rather than by a .NET version:
/// a generated model is byte-identical on every runtime.
/// </summary>
/// <remarks>
/// Each tensor draws from its own stream, <see cref="ForStream"/>: the state starts at
/// <c>FNV-1a-64(UTF-8 name) XOR first-output(SplitMix64(seed))</c>, so the values of one tensor depend only on
/// the seed and the tensor's name, not on the order in which the generator visits the layers.
/// </remarks>
public sealed class SplitMix64
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>The generator for one named stream (one tensor) of a seeded model.</summary>
    public static SplitMix64 ForStream(int seed, string name)
    {
        var seedMix = new SplitMix64(unchecked((ulong)(long)seed)).NextUInt64();
        return new SplitMix64(Fnv1a64(name) ^ seedMix);
    }

    public ulong NextUInt64()
    {
        unchecked
        {
            _state += Golden;
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
