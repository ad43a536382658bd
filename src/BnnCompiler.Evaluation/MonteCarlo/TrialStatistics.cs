using MathNet.Numerics.Distributions;

namespace BnnCompiler.Evaluation.MonteCarlo;

/// <summary>
/// Mean, sample standard deviation and 95 % confidence interval of the mean over Monte-Carlo trials. The
/// interval is Student's t over the trials: mean ± t(0.975; n − 1) · s / √n, with s the sample standard
/// deviation (n − 1 in the denominator). It is not clipped to [0, 1]. With one trial s is 0 and no interval
/// exists (both bounds null).
/// </summary>
public sealed record TrialStatistics(int Trials, double Mean, double StandardDeviation, double? Ci95Low, double? Ci95High)
{
    /// <summary>Two-sided coverage of the interval.</summary>
    public const double Confidence = 0.95;

    public static TrialStatistics Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("statistics need at least one trial", nameof(values));
        }

        // Sums of differences from the first value: trials that all agree give exactly that value and a
        // standard deviation of exactly 0 (a plain average of five 0.91 is 0.9099999999999999).
        var n = values.Count;
        var origin = values[0];
        var mean = origin + (values.Sum(v => v - origin) / n);
        if (n == 1)
        {
            return new TrialStatistics(1, mean, 0, null, null);
        }

        var sumSquares = values.Sum(v => (v - mean) * (v - mean));
        var std = Math.Sqrt(sumSquares / (n - 1));
        var half = StudentQuantile(n - 1) * std / Math.Sqrt(n);
        return new TrialStatistics(n, mean, std, mean - half, mean + half);
    }

    /// <summary>t(0.975; degrees of freedom): the two-sided 95 % quantile of Student's t distribution.</summary>
    public static double StudentQuantile(int degreesOfFreedom) =>
        StudentT.InvCDF(0, 1, degreesOfFreedom, 1 - (1 - Confidence) / 2);
}
