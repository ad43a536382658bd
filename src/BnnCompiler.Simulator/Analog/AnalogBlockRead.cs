namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// What one read of a row block at one pixel takes: the block, its valid rows (all of them when <see cref="Full"/>),
/// each column's −1 weights on those rows, and the driven rows of every input plane (plane j's words at
/// j·<see cref="PlaneStride"/> of <see cref="Driven"/>), and the block's base count and variance when they were built
/// beforehand (<see cref="PixelClasses"/>; null: the kernel sums them).
/// </summary>
internal readonly ref struct AnalogBlockRead(int block, bool full, ReadOnlySpan<ulong> valid, ReadOnlySpan<int> negatives, ReadOnlySpan<ulong> driven, int planeStride, int planes, float[]? start = null, float[]? squares = null, UndrivenRead? undriven = null)
{
    public int Block { get; } = block;

    public bool Full { get; } = full;

    public ReadOnlySpan<ulong> Valid { get; } = valid;

    public ReadOnlySpan<int> Negatives { get; } = negatives;

    public ReadOnlySpan<ulong> Driven { get; } = driven;

    public int PlaneStride { get; } = planeStride;

    public int Planes { get; } = planes;

    /// <summary>The block's base count per column, or null when the kernel is to sum it.</summary>
    public float[]? Start { get; } = start;

    /// <summary>The block's base read-noise variance per column (with <see cref="Start"/>, when read noise is on).</summary>
    public float[]? Squares { get; } = squares;

    /// <summary>The level and σ of every column when a plane drives no row of the block (<see cref="PaddedAnalogKernel.Undriven"/>), or null.</summary>
    public UndrivenRead? Undriven { get; } = undriven;

    /// <summary>The driven rows of plane j (the block's words).</summary>
    public ReadOnlySpan<ulong> Plane(int j) => Driven.Slice(j * PlaneStride, Valid.Length);
}
