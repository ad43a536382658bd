using BnnCompiler.Core.Randomness;
using BnnCompiler.Hardware;
using BnnCompiler.Mapping.Cells;
using BnnCompiler.Simulator.Analog;
using BnnCompiler.Testing;

namespace BnnCompiler.Simulator.Tests.Analog;

/// <summary>
/// Statistical checks of each device model as the simulator draws it (<see cref="AnalogLayerWeights.Conductances"/>
/// over 128 × 128 subarrays): the spread of programmed conductances, the count of stuck cells, the drift power law.
/// </summary>
public sealed class DeviceModelTests
{
    private const int Cells = 128 * 128;

    [Theory]
    [InlineData("lognormal", 0.1)]
    [InlineData("lognormal", 0.3)]
    [InlineData("gaussian", 0.05)]
    [InlineData("gaussian", 0.2)]
    public void Should_Spread_Programmed_Conductances_By_Sigma(string distribution, double sigma)
    {
        var models = Models($"non_idealities.device_variation.distribution={distribution}", $"non_idealities.device_variation.sigma={sigma}");
        var g = Draw(models, CellState.On, Cells, stream: 1);

        // Log-normal: σ is the spread of ln G; Gaussian: of G/G_on. Standard error of a sample deviation ≈ σ/√(2n).
        var values = distribution == "lognormal" ? g.Select(v => Math.Log(v)).ToArray() : g;
        var (mean, deviation) = MeanAndDeviation(values);
        var tolerance = 4 * sigma / Math.Sqrt(2.0 * Cells);
        Assert.InRange(deviation, sigma - tolerance, sigma + tolerance);
        Assert.InRange(mean, (distribution == "lognormal" ? 0 : 1) - (4 * sigma / Math.Sqrt(Cells)), (distribution == "lognormal" ? 0 : 1) + (4 * sigma / Math.Sqrt(Cells)));
    }

    [Theory]
    [InlineData(0.01, 0.0)]
    [InlineData(0.0175, 0.0904)]
    [InlineData(0.0, 0.002)]
    public void Should_Stick_A_Binomial_Number_Of_Cells(double onRate, double offRate)
    {
        var models = Models($"non_idealities.stuck_at_on_rate={onRate}", $"non_idealities.stuck_at_off_rate={offRate}");
        const int n = 4 * Cells;

        // On cells can only be wrong by sticking at G_off (0 with the ideal ratio), Off cells by sticking at G_on.
        var stuckOff = Draw(models, CellState.On, n, stream: 2).Count(g => g == 0);
        var stuckOn = Draw(models, CellState.Off, n, stream: 3).Count(g => g == 1);

        AssertWithinThreeSigma(stuckOff, n, offRate);
        AssertWithinThreeSigma(stuckOn, n, onRate);
    }

    [Theory]
    [InlineData(10.0)]
    [InlineData(1000.0)]
    [InlineData(86400.0)]
    public void Should_Drift_By_The_Power_Law(double seconds)
    {
        // No spread of ν: every cell is exactly G₀·(t/t₀)^(−ν).
        var exact = Draw(Models("non_idealities.drift.nu=0.06", $"non_idealities.drift.read_time_s={seconds}"), CellState.On, 64, stream: 4);
        Assert.All(exact, g => Assert.Equal(Math.Pow(seconds, -0.06), g, 12));

        // With a spread: −ln(G/G₀)/ln(t/t₀) is ν per cell, N(0.06, 0.02).
        var spread = Draw(Models("non_idealities.drift.nu=0.06", "non_idealities.drift.nu_sigma=0.02", $"non_idealities.drift.read_time_s={seconds}"), CellState.On, Cells, stream: 5);
        var (mean, deviation) = MeanAndDeviation(spread.Select(g => -Math.Log(g) / Math.Log(seconds)).ToArray());
        Assert.InRange(mean, 0.06 - (4 * 0.02 / Math.Sqrt(Cells)), 0.06 + (4 * 0.02 / Math.Sqrt(Cells)));
        Assert.InRange(deviation, 0.02 * (1 - (4 / Math.Sqrt(2.0 * Cells))), 0.02 * (1 + (4 / Math.Sqrt(2.0 * Cells))));
    }

    [Fact]
    public void Should_Not_Drift_Before_The_Reference_Time()
    {
        var g = Draw(Models("non_idealities.drift.nu=0.1", "non_idealities.drift.read_time_s=0.5"), CellState.On, 16, stream: 6);
        Assert.All(g, v => Assert.Equal(1.0, v));
    }

    [Fact]
    public void Should_Give_Off_Cells_One_Over_The_Ratio_Only_With_A_Finite_Ratio()
    {
        Assert.All(Draw(Models(), CellState.Off, 16, stream: 7), v => Assert.Equal(0.0, v));
        var finite = Models("non_idealities.finite_on_off_ratio=true", "cell.r_on_ohm=6000", "cell.r_off_ohm=900000");
        Assert.All(Draw(finite, CellState.Off, 16, stream: 7), v => Assert.Equal(1.0 / 150, v, 15));
        Assert.Equal((1.0 + (1.0 / 150)) / 2, finite.OnOff.ReferenceConductance, 15);
    }

    [Fact]
    public void Should_Spread_Column_Read_Noise_As_The_Root_Sum_Of_Squares()
    {
        // 64 driven On cells with σ_r = 0.05: σ = 0.05·√64 = 0.4 counts.
        Assert.Equal(0.4, new ReadNoiseModel(0.05).ColumnSigma(64), 12);
    }

    [Fact]
    public void Should_Draw_The_Same_Cells_For_The_Same_Seed_Trial_And_Subarray_Only()
    {
        var models = Models("non_idealities.device_variation.sigma=0.2");
        double[] Subarray(int trial, int block) => Draw(models, CellState.On, 256, AnalogStreams.Cells(1, trial, "conv1", block, 0));
        Assert.Equal(Subarray(0, 0), Subarray(0, 0));
        Assert.NotEqual(Subarray(0, 0), Subarray(1, 0));
        Assert.NotEqual(Subarray(0, 0), Subarray(0, 1));
        Assert.Equal(Subarray(2, 0), Draw(models, CellState.On, 256, AnalogStreams.Cells(3, 0, "conv1", 0, 0)));
    }

    private static AnalogDeviceModels Models(params string[] settings) =>
        AnalogDeviceModels.From(HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), settings));

    private static double[] Draw(AnalogDeviceModels models, CellState state, int count, int stream) =>
        Draw(models, state, count, new SplitMix64((ulong)stream));

    private static double[] Draw(AnalogDeviceModels models, CellState state, int count, SplitMix64 random)
    {
        var g = new double[count];
        AnalogLayerWeights.Conductances(Enumerable.Repeat(state, count).ToArray(), models, random, g);
        return g;
    }

    private static (double Mean, double Deviation) MeanAndDeviation(double[] values)
    {
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
        return (mean, Math.Sqrt(variance));
    }

    private static void AssertWithinThreeSigma(int count, int n, double p)
    {
        var expected = n * p;
        var sigma = Math.Sqrt(n * p * (1 - p));
        Assert.InRange(count, expected - (3 * sigma), expected + (3 * sigma));
    }
}
