using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Core.Interpretation;

/// <summary>Max and average pooling over NCHW maps (batch of one); padding never wins a max.</summary>
public static class PoolKernels
{
    public static float[] Pool(PoolNode node, float[] x)
    {
        var inShape = node.Inputs[0].Shape;
        var outShape = node.Output.Shape;
        var (channels, h, w) = (inShape[1], inShape[2], inShape[3]);
        var (oh, ow) = (outShape[2], outShape[3]);
        var g = node.Window;
        var result = new float[outShape.Count];
        if (node.Kind == PoolKind.Max && !g.HasPadding && g.DilationH == 1 && g.DilationW == 1
            && ((oh - 1) * g.StrideH) + g.KernelH <= h && ((ow - 1) * g.StrideW) + g.KernelW <= w)
        {
            MaxInside(x, result, channels, h, w, oh, ow, g);
            return result;
        }

        for (var c = 0; c < channels; c++)
        {
            for (var oy = 0; oy < oh; oy++)
            {
                for (var ox = 0; ox < ow; ox++)
                {
                    var max = float.NegativeInfinity;
                    var sum = 0f;
                    var count = 0;
                    var inWindow = 0;
                    for (var i = 0; i < g.KernelH; i++)
                    {
                        var y = (oy * g.StrideH) - g.PadTop + (i * g.DilationH);
                        for (var j = 0; j < g.KernelW; j++)
                        {
                            var xx = (ox * g.StrideW) - g.PadLeft + (j * g.DilationW);
                            if (y >= h + g.PadBottom || xx >= w + g.PadRight)
                            {
                                continue;
                            }

                            inWindow++;
                            if (y < 0 || y >= h || xx < 0 || xx >= w)
                            {
                                continue;
                            }

                            var v = x[(((c * h) + y) * w) + xx];
                            max = MathF.Max(max, v);
                            sum += v;
                            count++;
                        }
                    }

                    result[(((c * oh) + oy) * ow) + ox] = node.Kind == PoolKind.Max
                        ? max
                        : sum / (node.CountIncludePad ? inWindow : count);
                }
            }
        }

        return result;
    }

    /// <summary>Max pooling whose windows all lie inside the map (no padding, no dilation): the same maxima, no bounds tests.</summary>
    private static void MaxInside(float[] x, float[] result, int channels, int h, int w, int oh, int ow, Ir.WindowGeometry g)
    {
        for (var c = 0; c < channels; c++)
        {
            var plane = x.AsSpan(c * h * w, h * w);
            var target = result.AsSpan(c * oh * ow, oh * ow);
            for (var oy = 0; oy < oh; oy++)
            {
                for (var ox = 0; ox < ow; ox++)
                {
                    var max = float.NegativeInfinity;
                    var origin = (oy * g.StrideH * w) + (ox * g.StrideW);
                    for (var i = 0; i < g.KernelH; i++)
                    {
                        var row = plane.Slice(origin + (i * w), g.KernelW);
                        foreach (var v in row)
                        {
                            max = MathF.Max(max, v);
                        }
                    }

                    target[(oy * ow) + ox] = max;
                }
            }
        }
    }
}
