using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Core.Interpretation;

/// <summary>
/// The gather table of a lowered layer: for output pixel p and row k, the flat index of the input
/// element (c, y, x) it reads, or −1 where the window covers zero padding. Dense layers read row k directly.
/// </summary>
public sealed class Im2Col
{
    private Im2Col(int[] table, int pixels, int rows)
    {
        Table = table;
        Pixels = pixels;
        Rows = rows;
    }

    /// <summary>Row-major [pixels, rows] input indices, −1 for padding.</summary>
    public int[] Table { get; }

    public int Pixels { get; }

    public int Rows { get; }

    public ReadOnlySpan<int> Row(int pixel) => Table.AsSpan(pixel * Rows, Rows);

    public static Im2Col For(LinearLayout layout)
    {
        var rows = layout.Rows;
        var pixels = layout.OutputPixels;
        var table = new int[pixels * rows];
        if (layout.Window is not { } w)
        {
            for (var k = 0; k < rows; k++)
            {
                table[k] = k;
            }

            return new Im2Col(table, 1, rows);
        }

        var (h, wd) = (layout.InputHeight, layout.InputWidth);
        var kk = w.KernelH * w.KernelW;
        for (var oy = 0; oy < layout.OutputHeight; oy++)
        {
            for (var ox = 0; ox < layout.OutputWidth; ox++)
            {
                var p = (oy * layout.OutputWidth) + ox;
                var baseIndex = p * rows;
                for (var c = 0; c < layout.InChannels; c++)
                {
                    for (var i = 0; i < w.KernelH; i++)
                    {
                        var y = (oy * w.StrideH) - w.PadTop + (i * w.DilationH);
                        for (var j = 0; j < w.KernelW; j++)
                        {
                            var x = (ox * w.StrideW) - w.PadLeft + (j * w.DilationW);
                            var inside = y >= 0 && y < h && x >= 0 && x < wd;
                            table[baseIndex + (c * kk) + (i * w.KernelW) + j] = inside ? (((c * h) + y) * wd) + x : -1;
                        }
                    }
                }
            }
        }

        return new Im2Col(table, pixels, rows);
    }
}
