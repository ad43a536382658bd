using BnnCompiler.Trainer.Export;
using BnnCompiler.Trainer.Numerics;

namespace BnnCompiler.Trainer.Model;

/// <summary>2×2 max pooling, stride 2 (height and width must be even).</summary>
internal sealed class MaxPool2 : Module
{
    private float[]? _out;
    private float[]? _dx;
    private int[]? _arg;
    private Act? _x;

    public MaxPool2(string name) => Name = name;

    public override Shape OutputShape(Shape input) => new(input.C, input.H / 2, input.W / 2);

    public override Act Forward(Act x, bool train)
    {
        _x = x;
        int oh = x.H / 2, ow = x.W / 2;
        var y = new Act(Buffers.Get(ref _out, (long)x.N * x.C * oh * ow), x.N, x.C, oh, ow);
        var arg = Buffers.Get(ref _arg, (long)x.N * x.C * oh * ow);
        Parts.For(x.N, (start, end, _) =>
        {
            for (var n = start; n < end; n++)
            {
                for (var c = 0; c < x.C; c++)
                {
                    var inBase = (n * x.C + c) * x.Plane;
                    var outBase = (n * x.C + c) * oh * ow;
                    for (var i = 0; i < oh; i++)
                    {
                        for (var j = 0; j < ow; j++)
                        {
                            var best = inBase + 2 * i * x.W + 2 * j;
                            var bv = x.Data[best];
                            for (var k = 1; k < 4; k++)
                            {
                                var idx = inBase + (2 * i + (k >> 1)) * x.W + 2 * j + (k & 1);
                                if (x.Data[idx] > bv)
                                {
                                    bv = x.Data[idx];
                                    best = idx;
                                }
                            }

                            y.Data[outBase + i * ow + j] = bv;
                            arg[outBase + i * ow + j] = best;
                        }
                    }
                }
            }
        });
        return y;
    }

    public override Act? Backward(Act dy)
    {
        var x = _x!;
        var dx = new Act(Buffers.Get(ref _dx, (long)x.N * x.Size), x.N, x.C, x.H, x.W);
        var arg = _arg!;
        var outSize = dy.Size;
        Parts.For(x.N, (start, end, _) =>
        {
            dx.Data.AsSpan(start * x.Size, (end - start) * x.Size).Clear();
            for (var i = start * outSize; i < end * outSize; i++)
            {
                dx.Data[arg[i]] += dy.Data[i];
            }
        });
        return dx;
    }

    public override string Export(OnnxExport export, string input, Shape inputShape) =>
        export.Builder.Node("MaxPool", [input], new Dictionary<string, object>
        {
            ["kernel_shape"] = new long[] { 2, 2 },
            ["strides"] = new long[] { 2, 2 },
        }, name: Name);

    public override IEnumerable<string> Describe(Shape input)
    {
        yield return $"{Name}: MaxPool 2×2 stride 2 ({input} → {OutputShape(input)})";
    }
}
