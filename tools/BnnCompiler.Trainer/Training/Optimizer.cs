using System.Diagnostics;
using System.Globalization;
using BnnCompiler.Data;
using BnnCompiler.Trainer.Model;
using BnnCompiler.Trainer.Numerics;

namespace BnnCompiler.Trainer.Training;

/// <summary>Adam (β = 0.9, 0.999, ε = 1e-8, bias-corrected) or SGD with momentum 0.9; latent binary weights are clipped to [−1, 1].</summary>
internal sealed class Optimizer
{
    private readonly bool _adam;
    private readonly List<Param> _params;
    private long _t;

    public Optimizer(string kind, List<Param> parameters)
    {
        _adam = kind switch
        {
            "adam" => true,
            "sgd" => false,
            _ => throw new ArgumentException($"unknown optimizer '{kind}' (adam, sgd)"),
        };
        _params = parameters;
    }

    public void Step(float lr)
    {
        _t++;
        const float b1 = 0.9f, b2 = 0.999f, eps = 1e-8f;
        var c1 = (float)(1 - Math.Pow(b1, _t));
        var c2 = (float)(1 - Math.Pow(b2, _t));
        foreach (var p in _params)
        {
            Parts.For(p.Value.Length, (start, end, _) =>
            {
                var w = p.Value;
                var g = p.Grad;
                var m = p.M;
                var v = p.V;
                for (var i = start; i < end; i++)
                {
                    float nw;
                    if (_adam)
                    {
                        m[i] = b1 * m[i] + (1 - b1) * g[i];
                        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                        var mh = m[i] / c1;
                        var vh = v[i] / c2;
                        nw = w[i] - lr * mh / (MathF.Sqrt(vh) + eps);
                    }
                    else
                    {
                        m[i] = 0.9f * m[i] + g[i];
                        nw = w[i] - lr * m[i];
                    }

                    if (p.LatentBinary)
                    {
                        nw = Math.Clamp(nw, -1f, 1f);
                    }

                    w[i] = nw;
                }
            });
        }
    }
}
