using BnnCompiler.Trainer.Export;
using BnnCompiler.Trainer.Numerics;

namespace BnnCompiler.Trainer.Model;

/// <summary>Binary activation: +1 where x ≥ 0, −1 elsewhere; backward is the STE gated by |x| ≤ 1.</summary>
internal sealed class Sign : Module
{
    private float[]? _out;
    private float[]? _dx;
    private Act? _x;

    public Sign(string name) => Name = name;

    public override Shape OutputShape(Shape input) => input;

    public override Act Forward(Act x, bool train)
    {
        _x = x;
        var y = new Act(Buffers.Get(ref _out, (long)x.N * x.Size), x.N, x.C, x.H, x.W);
        var size = x.Size;
        Parts.For(x.N, (start, end, _) =>
        {
            var xs = x.Data.AsSpan(start * size, (end - start) * size);
            var ys = y.Data.AsSpan(start * size, (end - start) * size);
            for (var i = 0; i < xs.Length; i++)
            {
                ys[i] = xs[i] >= 0f ? 1f : -1f;
            }
        });
        return y;
    }

    public override Act? Backward(Act dy)
    {
        var x = _x!;
        var dx = new Act(Buffers.Get(ref _dx, (long)x.N * x.Size), x.N, x.C, x.H, x.W);
        var size = x.Size;
        Parts.For(x.N, (start, end, _) =>
        {
            var xs = x.Data.AsSpan(start * size, (end - start) * size);
            var ds = dy.Data.AsSpan(start * size, (end - start) * size);
            var dxs = dx.Data.AsSpan(start * size, (end - start) * size);
            for (var i = 0; i < xs.Length; i++)
            {
                dxs[i] = MathF.Abs(xs[i]) <= 1f ? ds[i] : 0f;
            }
        });
        return dx;
    }

    public override string Export(OnnxExport export, string input, Shape inputShape) => export.BinaryActivation(Name, input);

    public override IEnumerable<string> Describe(Shape input)
    {
        yield return $"{Name}: sign activation (x ≥ 0 → +1, else −1)";
    }
}
