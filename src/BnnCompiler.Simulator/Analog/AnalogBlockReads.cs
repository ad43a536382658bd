namespace BnnCompiler.Simulator.Analog;

/// <summary>Records one plane's read while calibrating: block, the plane's driven rows and every column's count.</summary>
internal delegate void PlaneRecorder(int block, ReadOnlySpan<ulong> driven, float[] acc);

/// <summary>
/// The reads of one row block at one pixel, plane by plane through a kernel's <see cref="IAnalogKernel.Base"/>,
/// <see cref="IAnalogKernel.Plane"/> and <see cref="IAnalogKernel.Convert"/>: the scalar reference's
/// <see cref="IAnalogKernel.Block"/>, the path of noise-free ideal ADCs, and calibration (which records every plane).
/// A column that repair stores negated enters with sign −1: after each conversion its total goes from t + f·code back
/// to t − f·code.
/// <code>
///   base → plane 0: count, convert (total += f·code₀) → plane 1: count, convert (total += 2f·code₁) → …
/// </code>
/// </summary>
internal static class AnalogBlockReads
{
    /// <summary>The counts of every plane of one block at one pixel into the scratch's reads b·planes + j (Base, then Plane).</summary>
    public static void Count(IAnalogKernel kernel, AnalogBlockRead read, AnalogReadScratch s)
    {
        var (start, squares) = Start(kernel, read, s);
        for (var j = 0; j < read.Planes; j++)
        {
            var at = (read.Block * read.Planes) + j;
            kernel.Plane(read.Block, read.Plane(j), start, squares, s.Counts[at], s.Variances?[at]);
        }
    }

    /// <summary>Every read of one pixel counted (<see cref="Count"/>, block by block), then converted (<see cref="ConvertReads"/>).</summary>
    public static void CountAndConvert(IAnalogKernel kernel, int[][] flipped, AnalogPixelReads pixel, long[] total, ref ReadNoiseStream reads, AnalogReadScratch s)
    {
        for (var b = 0; b < pixel.Blocks; b++)
        {
            Count(kernel, pixel.Block(b), s);
        }

        ConvertReads(kernel, flipped, pixel.Negatives, pixel.Blocks, pixel.Planes, total, ref reads, s);
    }

    /// <summary>
    /// Converts the counted reads of one pixel one at a time (<see cref="IAnalogKernel.Convert"/>), block by block and
    /// plane by plane, the negated columns of each block subtracted; <paramref name="negatives"/> is [block · stride].
    /// </summary>
    public static void ConvertReads(IAnalogKernel kernel, int[][] flipped, ReadOnlySpan<int> negatives, int blocks, int planes, long[] total, ref ReadNoiseStream reads, AnalogReadScratch s)
    {
        var stride = kernel.Stride;
        Span<long> before = stackalloc long[64];
        for (var b = 0; b < blocks; b++)
        {
            var negated = flipped[b];
            var kept = negated.Length <= before.Length ? before[..negated.Length] : new long[negated.Length];
            for (var j = 0; j < planes; j++)
            {
                var at = (b * planes) + j;
                for (var i = 0; i < negated.Length; i++)
                {
                    kept[i] = total[negated[i]];
                }

                kernel.Convert(b, j, s.Counts[at], s.Variances?[at], negatives.Slice(b * stride, stride), total, ref reads);
                for (var i = 0; i < negated.Length; i++)
                {
                    total[negated[i]] = (2 * kept[i]) - total[negated[i]];
                }
            }
        }
    }

    /// <summary>The block's base count and variance: built beforehand (<see cref="AnalogBlockRead.Start"/>), else summed by the kernel into the scratch.</summary>
    public static (float[] Start, float[]? Squares) Start(IAnalogKernel kernel, AnalogBlockRead read, AnalogReadScratch s) =>
        read.Start is { } start && (read.Squares is not null || s.VarBase is null)
            ? (start, read.Squares)
            : kernel.Base(read.Block, read.Full, read.Valid, s.BaseAcc, s.VarBase);

    /// <summary>Per block, the columns repair stores negated (their partial sums are subtracted).</summary>
    public static int[][] Flipped(AnalogLayerWeights cells) =>
        [.. Enumerable.Range(0, cells.Blocks).Select(b => Enumerable.Range(0, cells.Columns).Where(c => cells.ColumnSigns[(b * cells.Columns) + c] < 0).ToArray())];

    /// <summary>
    /// Reads block b: <paramref name="driven"/> holds plane j's words of the block at j·<paramref name="planeStride"/>;
    /// <paramref name="record"/> (calibration) sees every plane's counts before their conversion.
    /// </summary>
    public static void Run(IAnalogKernel kernel, AnalogBlockRead read, int[] flipped, long[] total, ref ReadNoiseStream reads, AnalogReadScratch s, PlaneRecorder? record)
    {
        var (start, squares) = Start(kernel, read, s);
        Span<long> before = flipped.Length <= 256 ? stackalloc long[flipped.Length] : new long[flipped.Length];
        for (var j = 0; j < read.Planes; j++)
        {
            var plane = read.Plane(j);
            kernel.Plane(read.Block, plane, start, squares, s.Acc, s.VarAcc);
            record?.Invoke(read.Block, plane, s.Acc);
            for (var i = 0; i < flipped.Length; i++)
            {
                before[i] = total[flipped[i]];
            }

            kernel.Convert(read.Block, j, s.Acc, s.VarAcc, read.Negatives, total, ref reads);
            for (var i = 0; i < flipped.Length; i++)
            {
                total[flipped[i]] = (2 * before[i]) - total[flipped[i]];
            }
        }
    }
}
