namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// The per-column working arrays of one analog layer execution (<see cref="IAnalogKernel.Stride"/> entries each): a
/// block's base count and variance, the count and variance of every (block, plane) read of one pixel (row
/// b·planes + j), and each block's codes summed over the planes (Σ_j 2^j·code, [block · Stride + column]). One per
/// execution, so that concurrent executions of a layer share nothing.
/// </summary>
internal sealed class AnalogReadScratch
{
    private readonly int _stride;
    private readonly int _reads;
    private readonly bool _variances;
    private float[][]? _counts;
    private float[][]? _squares;

    public AnalogReadScratch(int stride, bool variances, int blocks, int planes)
    {
        BaseAcc = new float[stride];
        Acc = new float[stride];
        VarBase = variances ? new float[stride] : null;
        VarAcc = variances ? new float[stride] : null;
        Codes = new int[blocks * stride];
        _stride = stride;
        _reads = blocks * planes;
        _variances = variances;
    }

    /// <summary>Per read of a pixel (block b, plane j at b·planes + j): every column's count (made on first use: the
    /// one-pass kernels convert each read as it is counted and never need them).</summary>
    public float[][] Counts => _counts ??= Arrays();

    /// <summary>Per read of a pixel: every column's Σ E² (read noise on), else null.</summary>
    public float[][]? Variances => _variances ? _squares ??= Arrays() : null;

    public float[] BaseAcc { get; }

    public float[]? VarBase { get; }

    public float[] Acc { get; }

    public float[]? VarAcc { get; }

    public int[] Codes { get; }

    private float[][] Arrays() => [.. Enumerable.Range(0, _reads).Select(_ => new float[_stride])];
}
