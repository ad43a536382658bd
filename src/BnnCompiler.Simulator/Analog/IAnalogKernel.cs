namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// The arithmetic of one analog layer's reads, over every column of one row block at once: the base count of the
/// valid rows, the count of one input plane, and its conversion. Implementations differ only in instructions (scalar
/// reference, 256- and 512-bit vectors); they add the same float coefficients in the same order and draw the same noise, so
/// their outputs are bit-identical. Per-column arrays have <see cref="Stride"/> entries (the columns, padded).
/// </summary>
internal interface IAnalogKernel
{
    /// <summary>Entries of every per-column array (columns rounded up to the kernel's vector width).</summary>
    int Stride { get; }

    /// <summary>
    /// The count every column of block b carries before the driven rows' differences: Σ over the valid rows
    /// (<paramref name="valid"/>: the block's words; all rows when <paramref name="full"/>) of V, and of V² when read
    /// noise is on (<paramref name="varBase"/> not null). Returns the arrays that hold it: the kernel's own sums for a
    /// full block (not to be written), else <paramref name="baseAcc"/> and <paramref name="varBase"/> filled.
    /// </summary>
    (float[] Start, float[]? Squares) Base(int b, bool full, ReadOnlySpan<ulong> valid, float[] baseAcc, float[]? varBase);

    /// <summary>acc = base + Σ over the rows set in <paramref name="driven"/> (ascending) of U − V; likewise the variances.</summary>
    void Plane(int b, ReadOnlySpan<ulong> driven, float[] baseAcc, float[]? varBase, float[] acc, float[]? varAcc);

    /// <summary>Converts every column's count of block b, plane j, and adds factor_b·2^j·code to its total.</summary>
    void Convert(int b, int j, float[] acc, float[]? varAcc, ReadOnlySpan<int> negatives, long[] total, ref ReadNoiseStream reads);

    /// <summary>
    /// Counts and converts every read of one pixel: block by block (its base, then each plane's count and conversion),
    /// plane by plane, column by column (the order of the noise draws), and adds Σ_j ±factor_b·2^j·code to each
    /// column's total (−: a column repair stores negated). The same totals and noise as counting every read
    /// (<see cref="AnalogBlockReads.Count"/>) and then converting them (<see cref="AnalogBlockReads.ConvertReads"/>).
    /// </summary>
    void ReadPixel(AnalogPixelReads pixel, long[] total, ref ReadNoiseStream reads, AnalogReadScratch scratch);
}
