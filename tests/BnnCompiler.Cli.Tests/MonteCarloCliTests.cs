using System.Text.Json;
using BnnCompiler.Testing;

namespace BnnCompiler.Cli.Tests;

/// <summary>
/// <c>--trials</c>, <c>--seed</c> and <c>--ablate</c> on <c>bnnc evaluate</c> and <c>bnnc sweep</c>: diagnostics
/// for bad values, the report sections, and the sweep's Monte-Carlo columns.
/// </summary>
public sealed class MonteCarloCliTests : IDisposable
{
    private static readonly string Tfc = RepoPaths.ExternalModel("tfc-w1a1/TFC_1W1A.qonnx.onnx");
    private static readonly string Spec = RepoPaths.Repo("hwspecs/default.yaml");
    private readonly string _dir = Directory.CreateTempSubdirectory("bnnc-mc-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("evaluate", "--trials", "0", "--trials must be an integer from 1 to 10000; got '0'")]
    [InlineData("evaluate", "--trials", "abc", "--trials must be an integer from 1 to 10000; got 'abc'")]
    [InlineData("evaluate", "--trials", "10001", "--trials must be an integer from 1 to 10000")]
    [InlineData("evaluate", "--seed", "-1", "--seed must be an integer from 0 to 2147483647; got '-1'")]
    [InlineData("evaluate", "--seed", "x", "--seed must be an integer from 0 to 2147483647; got 'x'")]
    [InlineData("sweep", "--trials", "0", "--trials must be an integer from 1 to 10000; got '0'")]
    [InlineData("sweep", "--seed", "1.5", "--seed must be an integer from 0 to 2147483647; got '1.5'")]
    public void Should_Reject_Bad_Trials_And_Seeds(string command, string option, string value, string message)
    {
        var run = CliRun.Of(command, Tfc, "--hw", Spec, "--data", "mnist-heldout", "--limit", "10", option, value, "-o", Path.Combine(_dir, "x"));

        run.ShouldFailWith("BNN1001", message);
    }

    [Fact]
    public void Should_Reject_Trials_In_A_Sweep_Without_Data()
    {
        CliRun.Of("sweep", Tfc, "--hw", Spec, "--adc-bits", "3,4", "--trials", "2", "-o", _dir)
            .ShouldFailWith("BNN1001", "--trials needs a dataset");
    }

    [Fact]
    public void Should_Report_Trials_Whose_First_Is_The_Priced_Run()
    {
        var path = Path.Combine(_dir, "report.json");
        var run = CliRun.Of("evaluate", Tfc, "--hw", Spec, "--data", "mnist-heldout", "--limit", "150",
            "--set", "non_idealities.device_variation.sigma=0.3", "--trials", "3", "--seed", "7", "-o", path);

        Assert.True(run.ExitCode == 0, run.Error);
        using var report = JsonDocument.Parse(File.ReadAllText(path));
        var mc = report.RootElement.GetProperty("monte_carlo");
        Assert.Equal(3, mc.GetProperty("trials").GetInt32());
        Assert.Equal(7, mc.GetProperty("seed").GetInt32());
        var perTrial = mc.GetProperty("per_trial").EnumerateArray().Select(t => t.GetProperty("top1").GetDouble()).ToList();
        Assert.Equal(3, perTrial.Count);
        Assert.Equal(report.RootElement.GetProperty("accuracy").GetProperty("simulated_top1").GetDouble(), perTrial[0], 6);
        Assert.Equal(perTrial.Average(), mc.GetProperty("mean_top1").GetDouble(), 6);
        Assert.True(mc.GetProperty("ci95_low").GetDouble() <= mc.GetProperty("mean_top1").GetDouble());
        Assert.True(mc.GetProperty("ci95_high").GetDouble() >= mc.GetProperty("mean_top1").GetDouble());
        Assert.Equal(JsonValueKind.Null, report.RootElement.GetProperty("ablation").ValueKind);
        Assert.Contains("Monte-Carlo          3 trials, seed 7", run.Output);
        Assert.Contains("95 % CI of mean", run.Output);

        // The same seed gives the same numbers.
        var again = Path.Combine(_dir, "again.json");
        Assert.Equal(0, CliRun.Of("evaluate", Tfc, "--hw", Spec, "--data", "mnist-heldout", "--limit", "150",
            "--set", "non_idealities.device_variation.sigma=0.3", "--trials", "3", "--seed", "7", "-o", again).ExitCode);
        using var second = JsonDocument.Parse(File.ReadAllText(again));
        Assert.Equal(mc.GetRawText(), second.RootElement.GetProperty("monte_carlo").GetRawText());
    }

    [Fact]
    public void Should_Print_An_Ablation_Row_Per_Effect()
    {
        var run = CliRun.Of("evaluate", Tfc, "--hw", Spec, "--data", "mnist-heldout", "--limit", "100",
            "--set", "non_idealities.stuck_at_on_rate=0.05", "--trials", "2", "--ablate", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var report = JsonDocument.Parse(run.Output);
        var rows = report.RootElement.GetProperty("ablation").EnumerateArray().ToList();
        // Stuck cells are repairable: the chip with the fault-aware mapping follows (no spares, no calibration set here).
        Assert.Equal(["ideal", "device_variation", "read_noise", "finite_on_off_ratio", "stuck_at", "drift", "ir_drop", "adc", "all", "repair: map"],
            rows.Select(r => r.GetProperty("effect").GetString()));
        var repaired = rows.Single(r => r.GetProperty("effect").GetString() == "repair: map");
        Assert.Equal("repair.mode", repaired.GetProperty("keys").GetString());
        Assert.True(repaired.GetProperty("lost_top1").GetDouble() < rows.Single(r => r.GetProperty("effect").GetString() == "all").GetProperty("lost_top1").GetDouble());
        var stuck = rows.Single(r => r.GetProperty("effect").GetString() == "stuck_at");
        var all = rows.Single(r => r.GetProperty("effect").GetString() == "all");
        Assert.True(stuck.GetProperty("simulated").GetBoolean());
        Assert.Equal(2, stuck.GetProperty("trials").GetInt32());
        // Stuck cells are the only effect on, so the effect alone is the spec as given.
        Assert.Equal(all.GetProperty("mean_top1").GetDouble(), stuck.GetProperty("mean_top1").GetDouble(), 6);
        Assert.Equal(all.GetProperty("lost_top1").GetDouble(), stuck.GetProperty("lost_top1").GetDouble(), 6);
        Assert.False(rows.Single(r => r.GetProperty("effect").GetString() == "drift").GetProperty("simulated").GetBoolean());
    }

    [Fact]
    public void Should_Add_Monte_Carlo_Columns_To_Every_Sweep_Row()
    {
        var sweep = Path.Combine(_dir, "sweep");
        var run = CliRun.Of("sweep", Tfc, "--hw", Spec, "--data", "mnist-heldout", "--limit", "150",
            "--set", "non_idealities.device_variation.sigma=0,0.3", "--trials", "2", "--seed", "3", "-o", sweep);

        Assert.True(run.ExitCode == 0, run.Error);
        var csv = File.ReadAllLines(Path.Combine(sweep, "results.csv"));
        var header = csv[0].Split(',');
        Assert.Equal(["trials", "mean_top1", "std_top1", "ci95_low", "ci95_high"], header[^5..]);
        Assert.Equal(3, csv.Length);
        using var results = ReportSchemaAssert.Valid(File.ReadAllText(Path.Combine(sweep, "results.json")), "sweep-results");
        var rows = results.RootElement.GetProperty("rows").EnumerateArray().ToList();
        var ideal = rows[0].GetProperty("monte_carlo");
        Assert.Equal(2, ideal.GetProperty("trials").GetInt32());
        Assert.Equal(3, ideal.GetProperty("seed").GetInt32());
        Assert.Equal(0, ideal.GetProperty("std_top1").GetDouble());
        Assert.Equal(rows[0].GetProperty("simulated_top1").GetDouble(), ideal.GetProperty("mean_top1").GetDouble(), 12);
        Assert.Contains("mean top-1", run.Output);
    }
}
