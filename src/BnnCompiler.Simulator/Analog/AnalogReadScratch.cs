namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// The per-column working arrays of one analog layer execution (<see cref="IAnalogKernel.Stride"/> entries each): a
/// block's base count and variance, the count and variance of every (block, plane) read of one pixel (row
/// b·planes + j), and each block's codes summed over the planes (Σ_j 2^j·code, [block · Stride + column]). One per
/// execution, so that concurrent executions of a layer share nothing.
/// </summary>
internal sealed class AnalogReadScratch
{
    public AnalogReadScratch(int stride, bool variances, int blocks, int planes)
    {
        BaseAcc = new float[stride];
        Acc = new float[stride];
        VarBase = variances ? new float[stride] : null;
        VarAcc = variances ? new float[stride] : null;
        Codes = new int[blocks * stride];
        Counts = [.. Enumerable.Range(0, blocks * planes).Select(_ => new float[stride])];
        Variances = variances ? [.. Enumerable.Range(0, blocks * planes).Select(_ => new float[stride])] : null;
    }

    /// <summary>Per read of a pixel (block b, plane j at b·planes + j): every column's count.</summary>
    public float[][] Counts { get; }

    /// <summary>Per read of a pixel: every column's Σ E² (read noise on), else null.</summary>
    public float[][]? Variances { get; }

    public float[] BaseAcc { get; }

    public float[]? VarBase { get; }

    public float[] Acc { get; }

    public float[]? VarAcc { get; }

    public int[] Codes { get; }
}
