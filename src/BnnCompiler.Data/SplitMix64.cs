namespace BnnCompiler.Data;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, 2014), a tiny deterministic 64-bit generator whose output is fixed
/// by its definition, unlike <see cref="System.Random"/> whose algorithm may change between runtimes.
/// <c>state += 0x9E3779B97F4A7C15; z = state; z = (z ^ z&gt;&gt;30)·0xBF58476D1CE4E5B9;
/// z = (z ^ z&gt;&gt;27)·0x94D049BB133111EB; return z ^ z&gt;&gt;31</c> (all mod 2⁶⁴), starting from state = seed.
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
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

    /// <summary>
    /// Fisher–Yates shuffle in place: for i = n−1 down to 1, j = Next() mod (i+1), swap a[i] and a[j].
    /// (The modulo bias is below 2⁻⁵⁰ for the sizes used here and is part of the documented definition.)
    /// </summary>
    public void Shuffle<T>(T[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = (int)(Next() % (ulong)(i + 1));
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
