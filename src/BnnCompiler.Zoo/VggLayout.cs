namespace BnnCompiler.Zoo;

/// <summary>
/// The shape of a VGG-style BNN built by <see cref="VggZoo"/>: images of <paramref name="Channels"/> ×
/// <paramref name="Size"/> × <paramref name="Size"/>, then 3×3 "same" convolutions of the given widths, each
/// optionally followed by a 2×2/2 max pool, then dense layers of the <paramref name="Hidden"/> widths and one of
/// <paramref name="Classes"/> outputs. With <paramref name="CentrePooled"/> the BatchNorm means after a pool sit
/// on the pooled sum's expected value (the maximum of four sums of K random ±1 terms, about 1.03·√K), so the signs
/// after a pool stay mixed in wide layers; otherwise they sit within ±3 of zero.
/// </summary>
public sealed record VggLayout(
    int Channels,
    int Size,
    IReadOnlyList<(int Width, bool Pool)> Convolutions,
    IReadOnlyList<int> Hidden,
    int Classes = 10,
    bool CentrePooled = false)
{
    /// <summary>Side of the last feature map (the image side halved at every pool).</summary>
    public int FinalSize => Size >> Convolutions.Count(c => c.Pool);

    /// <summary>Multiply-accumulates of one image over every weight layer.</summary>
    public long Macs
    {
        get
        {
            long macs = 0;
            var (inputs, side) = (Channels, Size);
            foreach (var (width, pool) in Convolutions)
            {
                macs += (long)side * side * inputs * 9 * width;
                (inputs, side) = (width, pool ? side / 2 : side);
            }

            var features = inputs * side * side;
            foreach (var units in Hidden.Append(Classes))
            {
                macs += (long)features * units;
                features = units;
            }

            return macs;
        }
    }
}
