using BnnCompiler.Trainer.Export;
using BnnCompiler.Trainer.Numerics;

namespace BnnCompiler.Trainer.Model;

/// <summary>
/// Batch normalization per channel (over N·H·W). Training uses the batch's statistics and keeps running
/// averages; inference computes exactly what ONNX Runtime's BatchNormalization kernel computes:
/// s = γ·(1/√(var+ε)), b = β − mean·s, y = x·s + b, all in float32, multiply and add not fused.
/// </summary>
internal sealed class BatchNorm : Module
{
    private readonly Param _gamma;
    private readonly Param _beta;
    private readonly double[][] _sum = new double[Parts.Count][];
    private readonly double[][] _sumSq = new double[Parts.Count][];
    private readonly float[] _invStd;
    private float[]? _out;
    private float[]? _xhat;
    private float[]? _dx;
    private Act? _x;

    public BatchNorm(string name, int channels, float momentum = 0.1f, float epsilon = 1e-5f)
    {
        Name = name;
        C = channels;
        Momentum = momentum;
        Epsilon = epsilon;
        _gamma = new Param(name + ".weight", channels, latentBinary: false);
        _beta = new Param(name + ".bias", channels, latentBinary: false);
        Array.Fill(_gamma.Value, 1f);
        RunningMean = new float[channels];
        RunningVar = new float[channels];
        Array.Fill(RunningVar, 1f);
        _invStd = new float[channels];
        for (var p = 0; p < Parts.Count; p++)
        {
            _sum[p] = new double[channels];
            _sumSq[p] = new double[channels];
        }
    }

    public int C { get; }

    public float Momentum { get; }

    public float Epsilon { get; }

    public float[] RunningMean { get; }

    public float[] RunningVar { get; }

    public Param Gamma => _gamma;

    public Param Beta => _beta;

    /// <summary>When set, training-mode passes also accumulate exact statistics (see <see cref="Calibration"/>).</summary>
    public Calibration? Calibrating { get; set; }

    public override IEnumerable<Param> Params() => [_gamma, _beta];

    public override Shape OutputShape(Shape input) => input;

    public override Act Forward(Act x, bool train)
    {
        if (x.C != C)
        {
            throw new InvalidOperationException($"{Name}: input has {x.C} channels, expected {C}");
        }

        var y = new Act(Buffers.Get(ref _out, (long)x.N * x.Size), x.N, x.C, x.H, x.W);
        var plane = x.Plane;
        if (!train)
        {
            var scale = new float[C];
            var bias = new float[C];
            InferenceAffine(scale, bias);
            Parts.For(x.N, (start, end, _) =>
            {
                for (var n = start; n < end; n++)
                {
                    var xs = x.Sample(n);
                    var ys = y.Sample(n);
                    for (var c = 0; c < C; c++)
                    {
                        var s = scale[c];
                        var b = bias[c];
                        var xi = xs.Slice(c * plane, plane);
                        var yi = ys.Slice(c * plane, plane);
                        for (var i = 0; i < plane; i++)
                        {
                            var t = xi[i] * s;
                            yi[i] = t + b;
                        }
                    }
                }
            });
            if (Calibrating is { } cal)
            {
                cal.Add(x);
            }

            return y;
        }

        _x = x;
        var xhat = Buffers.Get(ref _xhat, (long)x.N * x.Size);
        Parts.For(x.N, (start, end, part) =>
        {
            var sum = _sum[part];
            var sq = _sumSq[part];
            Array.Clear(sum);
            Array.Clear(sq);
            for (var n = start; n < end; n++)
            {
                var xs = x.Sample(n);
                for (var c = 0; c < C; c++)
                {
                    double s = 0, q = 0;
                    foreach (var v in xs.Slice(c * plane, plane))
                    {
                        s += v;
                        q += (double)v * v;
                    }

                    sum[c] += s;
                    sq[c] += q;
                }
            }
        });
        var count = (double)x.N * plane;
        var mean = new float[C];
        for (var c = 0; c < C; c++)
        {
            double s = 0, q = 0;
            for (var p = 0; p < Parts.Count; p++)
            {
                s += _sum[p][c];
                q += _sumSq[p][c];
            }

            var m = s / count;
            var v = Math.Max(0, q / count - m * m);
            mean[c] = (float)m;
            _invStd[c] = (float)(1.0 / Math.Sqrt(v + Epsilon));
            var unbiased = count > 1 ? v * count / (count - 1) : v;
            RunningMean[c] = (1 - Momentum) * RunningMean[c] + Momentum * (float)m;
            RunningVar[c] = (1 - Momentum) * RunningVar[c] + Momentum * (float)unbiased;
        }

        var gamma = _gamma.Value;
        var beta = _beta.Value;
        Parts.For(x.N, (start, end, _) =>
        {
            for (var n = start; n < end; n++)
            {
                var xs = x.Sample(n);
                var hs = xhat.AsSpan(n * x.Size, x.Size);
                var ys = y.Sample(n);
                for (var c = 0; c < C; c++)
                {
                    var mu = mean[c];
                    var inv = _invStd[c];
                    var g = gamma[c];
                    var b = beta[c];
                    for (var i = c * plane; i < (c + 1) * plane; i++)
                    {
                        var h = (xs[i] - mu) * inv;
                        hs[i] = h;
                        ys[i] = g * h + b;
                    }
                }
            }
        });
        return y;
    }

    public override Act? Backward(Act dy)
    {
        var x = _x ?? throw new InvalidOperationException("backward before forward");
        var plane = x.Plane;
        var xhat = _xhat!;
        Parts.For(x.N, (start, end, part) =>
        {
            var sdy = _sum[part];
            var sdyx = _sumSq[part];
            Array.Clear(sdy);
            Array.Clear(sdyx);
            for (var n = start; n < end; n++)
            {
                var ds = dy.Sample(n);
                var hs = xhat.AsSpan(n * x.Size, x.Size);
                for (var c = 0; c < C; c++)
                {
                    double a = 0, b = 0;
                    for (var i = c * plane; i < (c + 1) * plane; i++)
                    {
                        a += ds[i];
                        b += (double)ds[i] * hs[i];
                    }

                    sdy[c] += a;
                    sdyx[c] += b;
                }
            }
        });
        var count = (float)((double)x.N * plane);
        var dBeta = new float[C];
        var dGamma = new float[C];
        for (var c = 0; c < C; c++)
        {
            double a = 0, b = 0;
            for (var p = 0; p < Parts.Count; p++)
            {
                a += _sum[p][c];
                b += _sumSq[p][c];
            }

            dBeta[c] = (float)a;
            dGamma[c] = (float)b;
        }

        dBeta.CopyTo(_beta.Grad, 0);
        dGamma.CopyTo(_gamma.Grad, 0);
        var gamma = _gamma.Value;
        var dx = new Act(Buffers.Get(ref _dx, (long)x.N * x.Size), x.N, x.C, x.H, x.W);
        Parts.For(x.N, (start, end, _) =>
        {
            for (var n = start; n < end; n++)
            {
                var ds = dy.Sample(n);
                var hs = xhat.AsSpan(n * x.Size, x.Size);
                var dxs = dx.Sample(n);
                for (var c = 0; c < C; c++)
                {
                    var k = gamma[c] * _invStd[c] / count;
                    var db = dBeta[c];
                    var dg = dGamma[c];
                    for (var i = c * plane; i < (c + 1) * plane; i++)
                    {
                        dxs[i] = k * (count * ds[i] - db - hs[i] * dg);
                    }
                }
            }
        });
        return dx;
    }

    /// <summary>The per-channel affine of inference mode, rounded as ONNX Runtime rounds it.</summary>
    public void InferenceAffine(Span<float> scale, Span<float> bias)
    {
        for (var c = 0; c < C; c++)
        {
            var inv = 1f / MathF.Sqrt(RunningVar[c] + Epsilon);
            var s = inv * _gamma.Value[c];
            scale[c] = s;
            var t = RunningMean[c] * s;
            bias[c] = _beta.Value[c] - t;
        }
    }

    public override string Export(OnnxExport export, string input, Shape inputShape)
    {
        var b = export.Builder;
        var gamma = b.Initializer(Name + ".weight", [C], _gamma.Value);
        var beta = b.Initializer(Name + ".bias", [C], _beta.Value);
        var mean = b.Initializer(Name + ".running_mean", [C], RunningMean);
        var variance = b.Initializer(Name + ".running_var", [C], RunningVar);
        return b.Node("BatchNormalization", [input, gamma, beta, mean, variance],
            new Dictionary<string, object> { ["epsilon"] = Epsilon }, name: Name,
            output: export.IsLast(this) ? "logits" : null);
    }

    public override IEnumerable<string> Describe(Shape input)
    {
        yield return $"{Name}: BatchNormalization ({C} channels)";
    }
}
