using BnnCompiler.Trainer.Export;
using BnnCompiler.Trainer.Numerics;

namespace BnnCompiler.Trainer.Model;

/// <summary>Exact population statistics of one BatchNorm's input, accumulated in double over a pass.</summary>
internal sealed class Calibration
{
    private readonly double[] _sum;
    private readonly double[] _sumSq;
    private long _count;

    public Calibration(int channels)
    {
        _sum = new double[channels];
        _sumSq = new double[channels];
    }

    public void Add(Act x)
    {
        var plane = x.Plane;
        for (var n = 0; n < x.N; n++)
        {
            var xs = x.Sample(n);
            for (var c = 0; c < x.C; c++)
            {
                double s = 0, q = 0;
                foreach (var v in xs.Slice(c * plane, plane))
                {
                    s += v;
                    q += (double)v * v;
                }

                _sum[c] += s;
                _sumSq[c] += q;
            }
        }

        _count += (long)x.N * plane;
    }

    public void ApplyTo(BatchNorm bn)
    {
        for (var c = 0; c < _sum.Length; c++)
        {
            var m = _sum[c] / _count;
            var v = Math.Max(0, _sumSq[c] / _count - m * m);
            bn.RunningMean[c] = (float)m;
            bn.RunningVar[c] = (float)(_count > 1 ? v * _count / (_count - 1) : v);
        }
    }
}
