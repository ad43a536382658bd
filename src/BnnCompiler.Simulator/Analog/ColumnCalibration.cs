namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// The calibration of one layer's column references after programming: while the calibration set runs, every read of
/// block b, column n gives the count c the ADC sees and the match count m the weights and inputs call for; the least-
/// squares line c ≈ a·m + o per (block, column) is the column's transfer (IR drop and the on/off ratio shrink a, stuck
/// and leaking cells shift o), and the ADC's references are then placed at a·(i·Δ) + o instead of i·Δ, i.e. the count
/// is read as (c − o)/a. A column whose m never varied keeps a = 1 and takes o = mean(c − m); a fitted a below
/// <see cref="MinimumGain"/> (a column that no longer follows its inputs) is not trusted and falls back the same way.
/// </summary>
public sealed class ColumnCalibration
{
    /// <summary>Smallest fitted gain accepted.</summary>
    public const double MinimumGain = 0.05;

    private readonly double[] _n;
    private readonly double[] _m;
    private readonly double[] _c;
    private readonly double[] _mm;
    private readonly double[] _mc;

    public ColumnCalibration(int slots)
    {
        (_n, _m, _c, _mm, _mc) = (new double[slots], new double[slots], new double[slots], new double[slots], new double[slots]);
    }

    /// <summary>Adds one read of <paramref name="count"/> columns starting at slot <paramref name="first"/>.</summary>
    public void Add(int first, ReadOnlySpan<double> matches, ReadOnlySpan<double> counts)
    {
        lock (_n)
        {
            for (var i = 0; i < matches.Length; i++)
            {
                var (m, c) = (matches[i], counts[i]);
                _n[first + i]++;
                _m[first + i] += m;
                _c[first + i] += c;
                _mm[first + i] += m * m;
                _mc[first + i] += m * c;
            }
        }
    }

    /// <summary>Per slot, the fitted gain a and offset o (counts).</summary>
    public (double[] Gain, double[] Offset) Fit()
    {
        var gain = new double[_n.Length];
        var offset = new double[_n.Length];
        for (var i = 0; i < _n.Length; i++)
        {
            var n = _n[i];
            if (n == 0)
            {
                gain[i] = 1;
                continue;
            }

            var meanM = _m[i] / n;
            var meanC = _c[i] / n;
            var varM = (_mm[i] / n) - (meanM * meanM);
            var cov = (_mc[i] / n) - (meanM * meanC);
            var a = varM > 1e-9 ? cov / varM : 1.0;
            if (a < MinimumGain)
            {
                a = 1.0;
            }

            gain[i] = a;
            offset[i] = meanC - (a * meanM);
        }

        return (gain, offset);
    }
}
