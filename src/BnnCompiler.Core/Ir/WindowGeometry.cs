namespace BnnCompiler.Core.Ir;

/// <summary>
/// A sliding window over an NCHW feature map (convolution or pooling): kernel, stride, padding
/// (top, left, bottom, right) and dilation.
/// </summary>
public sealed record WindowGeometry(int KernelH, int KernelW, int StrideH = 1, int StrideW = 1,
    int PadTop = 0, int PadLeft = 0, int PadBottom = 0, int PadRight = 0, int DilationH = 1, int DilationW = 1)
{
    public int OutputHeight(int inputHeight, bool ceilMode = false) =>
        OutputSize(inputHeight, KernelH, StrideH, PadTop + PadBottom, DilationH, ceilMode);

    public int OutputWidth(int inputWidth, bool ceilMode = false) =>
        OutputSize(inputWidth, KernelW, StrideW, PadLeft + PadRight, DilationW, ceilMode);

    public bool HasPadding => PadTop + PadLeft + PadBottom + PadRight > 0;

    private static int OutputSize(int input, int kernel, int stride, int pads, int dilation, bool ceilMode)
    {
        var span = (dilation * (kernel - 1)) + 1;
        var room = input + pads - span;
        if (room < 0)
        {
            throw new ShapeException($"window {kernel} (dilation {dilation}) does not fit input {input} with padding {pads}");
        }

        var n = ceilMode ? (room + stride - 1) / stride : room / stride;
        return n + 1;
    }

    public override string ToString() =>
        $"k{KernelH}x{KernelW} s{StrideH}x{StrideW} p{PadTop},{PadLeft},{PadBottom},{PadRight}" +
        (DilationH != 1 || DilationW != 1 ? $" d{DilationH}x{DilationW}" : string.Empty);
}
