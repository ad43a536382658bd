using BnnCompiler.Trainer.Export;
using BnnCompiler.Trainer.Numerics;

namespace BnnCompiler.Trainer.Model;

/// <summary>
/// Fully connected layer without bias, y = x·Wbᵀ with Wb = sign(W) (or α_o·sign(W) when scaled); the
/// input is a flat vector per sample (±1, or the raw image for a first layer).
/// </summary>
internal sealed class BinaryLinear : Module
{
    private readonly Param _w;
    private readonly float[] _wb;
    private readonly float[] _alpha;
    private readonly float[] _dwb;
    private float[]? _out;
    private float[]? _dx;
    private Act? _x;

    public BinaryLinear(string name, int inFeatures, int outFeatures, bool scaled, bool inputIsImage, Rng rng)
    {
        Name = name;
        In = inFeatures;
        Out = outFeatures;
        Scaled = scaled;
        InputIsImage = inputIsImage;
        _w = new Param(name + ".weight", In * Out, latentBinary: true);
        var limit = MathF.Sqrt(6f / (In + Out));
        for (var i = 0; i < _w.Value.Length; i++)
        {
            _w.Value[i] = rng.Uniform(-limit, limit);
        }

        _wb = new float[_w.Value.Length];
        _dwb = new float[_w.Value.Length];
        _alpha = new float[Out];
    }

    public int In { get; }

    public int Out { get; }

    public bool Scaled { get; }

    public bool InputIsImage { get; }

    public Param Weight => _w;

    public override IEnumerable<Param> Params() => [_w];

    public override Shape OutputShape(Shape input) => new(Out, 1, 1);

    public override void PrepareWeights()
    {
        var w = _w.Value;
        for (var o = 0; o < Out; o++)
        {
            var row = w.AsSpan(o * In, In);
            var alpha = 1f;
            if (Scaled)
            {
                var sum = 0.0;
                foreach (var v in row)
                {
                    sum += Math.Abs(v);
                }

                alpha = (float)(sum / In);
            }

            _alpha[o] = alpha;
            for (var j = 0; j < In; j++)
            {
                _wb[o * In + j] = row[j] >= 0f ? alpha : -alpha;
            }
        }
    }

    public override Act Forward(Act x, bool train)
    {
        if (x.Size != In)
        {
            throw new InvalidOperationException($"{Name}: input has {x.Size} features, expected {In}");
        }

        _x = x;
        var y = new Act(Buffers.Get(ref _out, (long)x.N * Out), x.N, Out, 1, 1);
        Parts.For(x.N, (start, end, _) =>
        {
            var rows = end - start;
            if (rows > 0)
            {
                Gemm.Default.Run(false, true, rows, Out, In, 1f, x.Data.AsSpan(start * In), In, _wb, In, 0f,
                    y.Data.AsSpan(start * Out), Out);
            }
        });
        return y;
    }

    public override Act? Backward(Act dy)
    {
        var x = _x ?? throw new InvalidOperationException("backward before forward");
        var n = x.N;
        Act? dx = InputIsImage ? null : new Act(Buffers.Get(ref _dx, (long)n * In), n, x.C, x.H, x.W);

        // dWb = dYᵀ·X, split by output rows (no reduction needed); dX = dY·Wb, split by samples.
        Parts.For(Out, (start, end, _) =>
        {
            var rows = end - start;
            if (rows > 0)
            {
                Gemm.Default.Run(true, false, rows, In, n, 1f, dy.Data.AsSpan(start), Out, x.Data, In, 0f,
                    _dwb.AsSpan(start * In), In);
            }
        });
        if (dx is not null)
        {
            Parts.For(n, (start, end, _) =>
            {
                var rows = end - start;
                if (rows > 0)
                {
                    Gemm.Default.Run(false, false, rows, In, Out, 1f, dy.Data.AsSpan(start * Out), Out, _wb, In, 0f,
                        dx.Data.AsSpan(start * In), In);
                }
            });
        }

        Ste.LatentGradient(_w, _dwb, _alpha, Out, In, Scaled);
        return dx;
    }

    public override string Export(OnnxExport export, string input, Shape inputShape)
    {
        var weight = export.BinaryWeight(Name, [Out, In], _w.Value, _wb, Scaled ? _alpha : null);
        return export.Builder.Node("Gemm", [input, weight], new Dictionary<string, object> { ["transB"] = 1L }, name: Name);
    }

    public override IEnumerable<string> Describe(Shape input)
    {
        yield return $"{Name}: binary fully connected (Gemm) {In}→{Out}{(Scaled ? ", per-output α" : "")}{(InputIsImage ? ", input = raw 8-bit image" : ", input ±1")}";
    }
}
