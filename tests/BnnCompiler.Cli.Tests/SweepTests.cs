using System.Text.Json;
using BnnCompiler.Testing;

namespace BnnCompiler.Cli.Tests;

/// <summary>
/// A 2×2 sweep of a small model equals four single evaluate runs, point for point, and shards merged equal
/// the unsharded sweep, row for row.
/// </summary>
public sealed class SweepTests : IDisposable
{
    private static readonly string Tfc = RepoPaths.ExternalModel("tfc-w1a1/TFC_1W1A.qonnx.onnx");
    private static readonly string Spec = RepoPaths.Repo("hwspecs/default.yaml");
    private readonly string _dir = Directory.CreateTempSubdirectory("bnnc-sweep-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Should_Match_Single_Evaluate_Runs_At_Every_Point()
    {
        var sweep = Path.Combine(_dir, "sweep");
        var run = CliRun.Of("sweep", Tfc, "--hw", Spec, "--data", "mnist-heldout", "--limit", "300", "--input-bits", "1,8", "--adc-bits", "3,7,8", "-o", sweep);
        Assert.True(run.ExitCode == 0, run.Error);
        using var results = ReportSchemaAssert.Valid(File.ReadAllText(Path.Combine(sweep, "results.json")), "sweep-results");
        var rows = results.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(6, rows.Count);  // ADC 7 and 8 read 64-row blocks exactly: those points share one simulation
        foreach (var row in rows)
        {
            var knobs = row.GetProperty("knobs");
            var inputBits = knobs.GetProperty("readout.input_bits").GetString()!;
            var adcBits = knobs.GetProperty("readout.adc_bits").GetString()!;
            var report = Path.Combine(_dir, $"eval-{inputBits}-{adcBits}.json");
            Assert.Equal(0, CliRun.Of("evaluate", Tfc, "--hw", Spec, "--data", "mnist-heldout", "--limit", "300", "--input-bits", inputBits, "--adc-bits", adcBits, "-o", report).ExitCode);
            using var single = JsonDocument.Parse(File.ReadAllText(report));
            var accuracy = single.RootElement.GetProperty("accuracy");
            Assert.Equal(accuracy.GetProperty("simulated_top1").GetDouble(), row.GetProperty("simulated_top1").GetDouble(), 6);
            Assert.Equal(accuracy.GetProperty("agreement").GetDouble(), row.GetProperty("agreement").GetDouble(), 6);
            var cost = single.RootElement.GetProperty("cost");
            Assert.Equal(cost.GetProperty("area_mm2").GetProperty("total").GetDouble(), row.GetProperty("cost").GetProperty("area_mm2").GetProperty("total").GetDouble(), 9);
            Assert.Equal(cost.GetProperty("energy_uj").GetProperty("dynamic").GetDouble(), row.GetProperty("cost").GetProperty("energy_uj").GetProperty("dynamic").GetDouble(), 9);
            Assert.Equal(cost.GetProperty("latency_ms").GetProperty("total").GetDouble(), row.GetProperty("cost").GetProperty("latency_ms").GetProperty("total").GetDouble(), 12);
        }

        foreach (var file in new[] { "results.csv", "report.md", "accuracy_heatmap.png", "area_breakdown.png", "latency_breakdown.png",
            "energy_breakdown.png", "layer_energy.png", "pareto_energy.png", "pareto_area.png" })
        {
            Assert.True(new FileInfo(Path.Combine(sweep, file)).Length > 0, file);
        }
    }

    [Fact]
    public void Should_Merge_Shards_Into_The_Unsharded_Result()
    {
        string[] grid = ["--hw", Spec, "--data", "mnist-heldout", "--limit", "200", "--adc-bits", "3..5", "--set", "readout.columns_per_adc=4,8"];
        var whole = Path.Combine(_dir, "whole");
        Assert.Equal(0, CliRun.Of([.. new[] { "sweep", Tfc }, .. grid, "-o", whole]).ExitCode);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(0, CliRun.Of([.. new[] { "sweep", Tfc }, .. grid, "--shard", $"{i}/3", "-o", Path.Combine(_dir, $"shard{i}")]).ExitCode);
        }

        var merged = Path.Combine(_dir, "merged");
        Assert.Equal(0, CliRun.Of("sweep", "merge", Path.Combine(_dir, "shard0"), Path.Combine(_dir, "shard1"), Path.Combine(_dir, "shard2"), "-o", merged).ExitCode);

        Assert.Equal(File.ReadAllText(Path.Combine(whole, "results.json")), File.ReadAllText(Path.Combine(merged, "results.json")));
        Assert.Equal(File.ReadAllText(Path.Combine(whole, "results.csv")), File.ReadAllText(Path.Combine(merged, "results.csv")));
    }
}
