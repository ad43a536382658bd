namespace BnnCompiler.Core.Ir.Nodes;

/// <summary>
/// How a dense or convolutional layer lowers to a matrix-vector product: K rows (C_in·k_h·k_w), N columns
/// (C_out), applied once per output pixel. Row index of input (c, i, j) is c·k_h·k_w + i·k_w + j.
/// </summary>
public sealed record LinearLayout(int InChannels, int Rows, int Columns, WindowGeometry? Window,
    int InputHeight, int InputWidth, int OutputHeight, int OutputWidth)
{
    public bool IsConvolution => Window is not null;

    public int OutputPixels => OutputHeight * OutputWidth;

    public long Macs => (long)Rows * Columns * OutputPixels;

    public static LinearLayout Dense(int rows, int columns) => new(rows, rows, columns, null, 1, 1, 1, 1);

    public static LinearLayout Convolution(int inChannels, int outChannels, WindowGeometry window, int inputHeight, int inputWidth) =>
        new(inChannels, inChannels * window.KernelH * window.KernelW, outChannels, window, inputHeight, inputWidth,
            window.OutputHeight(inputHeight), window.OutputWidth(inputWidth));

    /// <summary>Output shape for a batch of one: [1, N] or [1, N, OH, OW].</summary>
    public TensorShape OutputShape => Window is null ? new TensorShape(1, Columns) : new TensorShape(1, Columns, OutputHeight, OutputWidth);

    public override string ToString() => Window is null
        ? $"dense {Rows}x{Columns}"
        : $"conv {InChannels}->{Columns} {Window} in {InputHeight}x{InputWidth} out {OutputHeight}x{OutputWidth} (K={Rows})";
}
