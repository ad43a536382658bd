using BnnCompiler.Evaluation.MonteCarlo;

namespace BnnCompiler.Evaluation.Tests;

/// <summary>The Monte-Carlo statistics against hand computation and published Student t quantiles.</summary>
public sealed class MonteCarloStatisticsTests
{
    [Theory]
    [InlineData(1, 12.706)] // two-sided 95 % quantiles from the standard t table (e.g. NIST/SEMATECH e-Handbook, Table 1.4.2.7)
    [InlineData(2, 4.303)]
    [InlineData(4, 2.776)]
    [InlineData(9, 2.262)]
    [InlineData(29, 2.045)]
    public void Should_Use_The_Tabulated_Student_Quantile(int degreesOfFreedom, double table)
    {
        Assert.Equal(table, TrialStatistics.StudentQuantile(degreesOfFreedom), 3);
    }

    [Fact]
    public void Should_Give_The_Hand_Computed_Interval_Of_Three_Trials()
    {
        // Given top-1 of 0.80, 0.82 and 0.84: mean 0.82, s = √((0.02² + 0 + 0.02²) / 2) = 0.02,
        // half-width t(0.975; 2)·s/√3 = 4.302653 · 0.02 / 1.732051 = 0.049683
        var s = TrialStatistics.Of([0.80, 0.82, 0.84]);

        Assert.Equal(3, s.Trials);
        Assert.Equal(0.82, s.Mean, 12);
        Assert.Equal(0.02, s.StandardDeviation, 12);
        Assert.Equal(0.770317, s.Ci95Low!.Value, 6);
        Assert.Equal(0.869683, s.Ci95High!.Value, 6);
    }

    [Fact]
    public void Should_Give_Zero_Spread_And_A_Point_Interval_When_Every_Trial_Agrees()
    {
        // Five trials of 0.91: a plain floating-point average gives 0.9099999999999999 and s ≈ 1e-16
        var s = TrialStatistics.Of([0.91, 0.91, 0.91, 0.91, 0.91]);

        Assert.Equal(0.91, s.Mean);
        Assert.Equal(0, s.StandardDeviation);
        Assert.Equal(0.91, s.Ci95Low);
        Assert.Equal(0.91, s.Ci95High);
    }

    [Fact]
    public void Should_Give_No_Interval_For_One_Trial()
    {
        var s = TrialStatistics.Of([0.5]);

        Assert.Equal((1, 0.5, 0.0), (s.Trials, s.Mean, s.StandardDeviation));
        Assert.Null(s.Ci95Low);
        Assert.Null(s.Ci95High);
    }
}
