namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// What one read of a row block at one pixel takes: the block, its valid rows (all of them when <see cref="Full"/>),
/// each column's −1 weights on those rows, and the driven rows of every input plane (plane j's words at
/// j·<see cref="PlaneStride"/> of <see cref="Driven"/>).
/// </summary>
internal readonly ref struct AnalogBlockRead(int block, bool full, ReadOnlySpan<ulong> valid, ReadOnlySpan<int> negatives, ReadOnlySpan<ulong> driven, int planeStride, int planes)
{
    public int Block { get; } = block;

    public bool Full { get; } = full;

    public ReadOnlySpan<ulong> Valid { get; } = valid;

    public ReadOnlySpan<int> Negatives { get; } = negatives;

    public ReadOnlySpan<ulong> Driven { get; } = driven;

    public int PlaneStride { get; } = planeStride;

    public int Planes { get; } = planes;

    /// <summary>The driven rows of plane j (the block's words).</summary>
    public ReadOnlySpan<ulong> Plane(int j) => Driven.Slice(j * PlaneStride, Valid.Length);
}
