namespace BnnCompiler.Core.Analysis;

/// <summary>
/// A tensor whose elements take one of <see cref="Levels"/> evenly spaced values:
/// value = Scale·code + Offset with code ∈ [0, Levels − 1]. Bipolar ±1 is (2, 2, −1); an 8-bit image of
/// raw pixels is (256, 1, 0); ternary −1/0/+1 is (3, 1, −1).
/// </summary>
public sealed record ValueEncoding(int Levels, float Scale, float Offset)
{
    public static ValueEncoding Bipolar { get; } = new(2, 2f, -1f);

    /// <summary>Bits needed to apply one element bit-serially (1 for bipolar).</summary>
    public int Bits => Levels <= 2 ? 1 : (int)Math.Ceiling(Math.Log2(Levels));

    /// <summary>True for two values symmetric around zero (±s): one bit, XNOR-style.</summary>
    public bool IsBipolar => Levels == 2 && Offset == -Scale / 2f;

    /// <summary>Human-readable form for reports: "bipolar", "ternary", "8-bit unsigned".</summary>
    public string Describe() => IsBipolar ? "bipolar"
        : Levels == 3 && Offset == -Scale ? "ternary"
        : Offset < 0 ? $"{Bits}-bit signed" : $"{Bits}-bit unsigned";
}
