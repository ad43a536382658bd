using System.Runtime.Intrinsics;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// The −1 weights of an analog layer's interior pixels, where every row of every block is valid (no padding): then each
/// block's count per column is the block's own, and their sum over the blocks one per layer, so those pixels neither
/// count nor add them.
/// <code>
///   pixel p interior → negatives = Blocks ([block · stride + column]), Σ over blocks = Sums; else counted per pixel
/// </code>
/// </summary>
internal sealed class InteriorNegatives
{
    private readonly bool[] _interior;

    public InteriorNegatives(PackedSigns signs, AnalogPixelRows rows, AnalogColumnReadout readout, int stride)
    {
        var blocks = rows.Blocks;
        _interior = [.. Enumerable.Range(0, rows.Pixels).Select(p => Enumerable.Range(0, blocks).All(b => rows.ValidRows(p, b) == readout.Quantizers[b].FullScale))];
        Blocks = new int[blocks * stride];
        Sums = new int[stride];
        for (var b = 0; b < blocks; b++)
        {
            var block = Blocks.AsSpan(b * stride, stride);
            signs.Negatives(b, true, rows.Valid(0, b), block);
            Add(Sums, block);
        }
    }

    /// <summary>Per block, each column's −1 weights over all its rows ([block · stride + column]).</summary>
    public int[] Blocks { get; }

    /// <summary>Per column, the −1 weights over every row of the layer.</summary>
    public int[] Sums { get; }

    /// <summary>True when every block's rows are all valid at pixel p.</summary>
    public bool IsInterior(int p) => _interior[p];

    /// <summary>sum += x, entry by entry.</summary>
    public static void Add(Span<int> sum, ReadOnlySpan<int> x)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + 8 <= sum.Length; i += 8)
            {
                (Vector256.Create(sum.Slice(i, 8)) + Vector256.Create(x.Slice(i, 8))).CopyTo(sum[i..]);
            }
        }

        for (; i < sum.Length; i++)
        {
            sum[i] += x[i];
        }
    }
}
