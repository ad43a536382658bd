using BnnCompiler.Trainer.Export;
using BnnCompiler.Trainer.Numerics;

namespace BnnCompiler.Trainer.Model;

/// <summary>
/// 3×3 convolution, stride 1, zero padding 1, no bias, with binarized weights: the forward pass uses
/// sign(W) (≥ 0 → +1), times a per-output-channel α = mean|W_c| when <c>scaled</c> (XNOR-Net). The
/// backward pass is the straight-through estimator, the gradient zeroed where |W| &gt; 1.
/// </summary>
internal sealed class BinaryConv2d : Module
{
    private const int K = 3;
    private readonly Param _w;
    private readonly float[] _wb;
    private readonly float[] _alpha;
    private readonly float[][] _partGrad = new float[Parts.Count][];
    private readonly float[]?[] _col = new float[]?[Parts.Count];
    private readonly float[]?[] _dcol = new float[]?[Parts.Count];
    private float[]? _out;
    private float[]? _dx;
    private Act? _x;

    public BinaryConv2d(string name, int cin, int cout, bool scaled, bool inputIsImage, Rng rng)
    {
        Name = name;
        Cin = cin;
        Cout = cout;
        Scaled = scaled;
        InputIsImage = inputIsImage;
        Fan = cin * K * K;
        _w = new Param(name + ".weight", cout * Fan, latentBinary: true);
        var limit = MathF.Sqrt(6f / (Fan + cout * K * K));
        for (var i = 0; i < _w.Value.Length; i++)
        {
            _w.Value[i] = rng.Uniform(-limit, limit);
        }

        _wb = new float[_w.Value.Length];
        _alpha = new float[cout];
        for (var p = 0; p < Parts.Count; p++)
        {
            _partGrad[p] = new float[_w.Value.Length];
        }
    }

    public int Cin { get; }

    public int Cout { get; }

    public bool Scaled { get; }

    public bool InputIsImage { get; }

    private int Fan { get; }

    public Param Weight => _w;

    /// <summary>The weights the forward pass uses: ±1, or α_c·(±1).</summary>
    public ReadOnlySpan<float> BinaryWeights => _wb;

    public ReadOnlySpan<float> Alpha => _alpha;

    public override IEnumerable<Param> Params() => [_w];

    public override Shape OutputShape(Shape input) => new(Cout, input.H, input.W);

    public override void PrepareWeights()
    {
        var w = _w.Value;
        for (var c = 0; c < Cout; c++)
        {
            var row = w.AsSpan(c * Fan, Fan);
            var alpha = 1f;
            if (Scaled)
            {
                var sum = 0.0;
                foreach (var v in row)
                {
                    sum += Math.Abs(v);
                }

                alpha = (float)(sum / Fan);
            }

            _alpha[c] = alpha;
            var neg = -alpha;
            for (var j = 0; j < Fan; j++)
            {
                _wb[c * Fan + j] = row[j] >= 0f ? alpha : neg;
            }
        }
    }

    public override Act Forward(Act x, bool train)
    {
        if (x.C != Cin)
        {
            throw new InvalidOperationException($"{Name}: input has {x.C} channels, expected {Cin}");
        }

        _x = x;
        var plane = x.Plane;
        var y = new Act(Buffers.Get(ref _out, (long)x.N * Cout * plane), x.N, Cout, x.H, x.W);
        Parts.For(x.N, (start, end, part) =>
        {
            var col = Buffers.Get(ref _col[part], (long)Fan * plane);
            for (var n = start; n < end; n++)
            {
                Im2Col(x.Sample(n), x.H, x.W, col);
                Gemm.Default.Run(false, false, Cout, plane, Fan, 1f, _wb, Fan, col, plane, 0f, y.Sample(n), plane);
            }
        });
        return y;
    }

    public override Act? Backward(Act dy)
    {
        var x = _x ?? throw new InvalidOperationException("backward before forward");
        var plane = x.Plane;
        Act? dx = InputIsImage ? null : new Act(Buffers.Get(ref _dx, (long)x.N * Cin * plane), x.N, Cin, x.H, x.W);
        Parts.For(x.N, (start, end, part) =>
        {
            var grad = _partGrad[part];
            Array.Clear(grad);
            var col = Buffers.Get(ref _col[part], (long)Fan * plane);
            var dcol = dx is null ? null : Buffers.Get(ref _dcol[part], (long)Fan * plane);
            for (var n = start; n < end; n++)
            {
                Im2Col(x.Sample(n), x.H, x.W, col);
                // dWb += dY_n · col_nᵀ
                Gemm.Default.Run(false, true, Cout, Fan, plane, 1f, dy.Sample(n), plane, col, plane, 1f, grad, Fan);
                if (dx is not null)
                {
                    // dcol = Wbᵀ · dY_n
                    Gemm.Default.Run(true, false, Fan, plane, Cout, 1f, _wb, Fan, dy.Sample(n), plane, 0f, dcol!, plane);
                    Col2Im(dcol!, x.H, x.W, dx.Sample(n));
                }
            }
        });

        // Fixed reduction order: part 0, then part 1, ...
        var dwb = _partGrad[0];
        for (var p = 1; p < Parts.Count; p++)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(dwb, _partGrad[p], dwb);
        }

        Ste.LatentGradient(_w, dwb, _alpha, Cout, Fan, Scaled);
        return dx;
    }

    /// <summary>col[(ci·9 + ky·3 + kx), y·W + x] = in[ci, y + ky − 1, x + kx − 1], zero outside.</summary>
    private void Im2Col(ReadOnlySpan<float> input, int h, int w, Span<float> col)
    {
        var plane = h * w;
        for (var ci = 0; ci < Cin; ci++)
        {
            var src = input.Slice(ci * plane, plane);
            for (var ky = 0; ky < K; ky++)
            {
                for (var kx = 0; kx < K; kx++)
                {
                    var row = col.Slice(((ci * K + ky) * K + kx) * plane, plane);
                    var dx = kx - 1;
                    var dyy = ky - 1;
                    for (var y = 0; y < h; y++)
                    {
                        var sy = y + dyy;
                        var dst = row.Slice(y * w, w);
                        if (sy < 0 || sy >= h)
                        {
                            dst.Clear();
                            continue;
                        }

                        var srow = src.Slice(sy * w, w);
                        if (dx == 0)
                        {
                            srow.CopyTo(dst);
                        }
                        else if (dx < 0)
                        {
                            dst[0] = 0f;
                            srow[..(w - 1)].CopyTo(dst[1..]);
                        }
                        else
                        {
                            srow[1..].CopyTo(dst);
                            dst[w - 1] = 0f;
                        }
                    }
                }
            }
        }
    }

    /// <summary>The adjoint of <see cref="Im2Col"/>: adds every column entry back to its input pixel.</summary>
    private void Col2Im(ReadOnlySpan<float> col, int h, int w, Span<float> output)
    {
        var plane = h * w;
        output.Clear();
        for (var ci = 0; ci < Cin; ci++)
        {
            var dst = output.Slice(ci * plane, plane);
            for (var ky = 0; ky < K; ky++)
            {
                for (var kx = 0; kx < K; kx++)
                {
                    var row = col.Slice(((ci * K + ky) * K + kx) * plane, plane);
                    var dx = kx - 1;
                    var dyy = ky - 1;
                    for (var y = 0; y < h; y++)
                    {
                        var sy = y + dyy;
                        if (sy < 0 || sy >= h)
                        {
                            continue;
                        }

                        var src = row.Slice(y * w, w);
                        var drow = dst.Slice(sy * w, w);
                        if (dx == 0)
                        {
                            System.Numerics.Tensors.TensorPrimitives.Add(drow, src, drow);
                        }
                        else if (dx < 0)
                        {
                            System.Numerics.Tensors.TensorPrimitives.Add(drow[..(w - 1)], src[1..], drow[..(w - 1)]);
                        }
                        else
                        {
                            System.Numerics.Tensors.TensorPrimitives.Add(drow[1..], src[..(w - 1)], drow[1..]);
                        }
                    }
                }
            }
        }
    }

    public override string Export(OnnxExport export, string input, Shape inputShape)
    {
        long[] wShape = [Cout, Cin, K, K];
        var weight = export.BinaryWeight(Name, wShape, _w.Value, _wb, Scaled ? _alpha : null);
        return export.Builder.Node("Conv", [input, weight], new Dictionary<string, object>
        {
            ["kernel_shape"] = new long[] { K, K },
            ["pads"] = new long[] { 1, 1, 1, 1 },
            ["strides"] = new long[] { 1, 1 },
            ["dilations"] = new long[] { 1, 1 },
            ["group"] = 1L,
        }, name: Name);
    }

    public override IEnumerable<string> Describe(Shape input)
    {
        yield return $"{Name}: binary Conv 3×3 pad 1, {Cin}→{Cout}{(Scaled ? ", per-channel α" : "")}{(InputIsImage ? ", input = raw 8-bit image" : ", input ±1")}  ({input} → {OutputShape(input)})";
    }
}
