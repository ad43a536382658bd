using System.Text.Json;
using BnnCompiler.Testing;

namespace BnnCompiler.Cli.Tests;

/// <summary>
/// A sweep with Monte-Carlo trials on a real one-node Slurm (Debian's packages, tools/slurm-local.sh): submitted
/// with --slurm, one array task cancelled, status names it and its points, merge refuses, resume reruns only it,
/// and the merged files equal the single-machine run byte for byte.
/// </summary>
[Collection(SlurmCollection.Name)]
public sealed class SlurmSweepTests : IDisposable
{
    private static readonly string Tfc = RepoPaths.ExternalModel("tfc-w1a1/TFC_1W1A.qonnx.onnx");
    private static readonly string Spec = RepoPaths.Repo("hwspecs/default.yaml");
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(4);
    private readonly string _dir = Directory.CreateTempSubdirectory("bnnc-slurm-sweep-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Should_Resume_A_Cancelled_Task_And_Merge_To_The_Single_Machine_Result()
    {
        using var slurm = LocalSlurm.Start();
        string[] grid = [Tfc, "--hw", Spec, "--data", "mnist-heldout", "--limit", "120", "--adc-bits", "3,4",
            "--set", "non_idealities.device_variation.sigma=0,0.3", "--trials", "3", "--seed", "11"];
        var whole = Path.Combine(_dir, "whole");
        Assert.Equal(0, Bnnc(slurm, ["sweep", .. grid, "-o", whole]).ExitCode);

        var split = Path.Combine(_dir, "split");
        var submit = Bnnc(slurm, ["sweep", .. grid, "--slurm", "--tasks", "3", "--slurm-opt", "--time=10 --job-name=bnnc-test", "-o", split]);
        Assert.True(submit.ExitCode == 0, submit.Error);
        var job = Manifest(split).GetProperty("submissions")[0].GetProperty("job_id").GetString()!;
        Assert.Contains("#SBATCH --time=10", File.ReadAllText(Path.Combine(split, "sweep.sbatch")));

        // Kill task 2 on purpose: pending (two 1-CPU tasks fill the node) or already running, it never writes results.
        Assert.Equal(0, slurm.Run("scancel", $"{job}_2").ExitCode);
        slurm.WaitForJob(job, JobTimeout);

        var status = Bnnc(slurm, "sweep", "status", split);
        Assert.Equal(0, status.ExitCode);
        Assert.Matches(@"(?m)^\s+0 .*finished", status.Output);
        Assert.Matches(@"(?m)^\s+1 .*finished", status.Output);
        Assert.Matches($@"(?m)^\s+2 .*{job}_2\s+(missing|failed)", status.Output);
        var lacking = TaskPoints(split, 2);
        Assert.Contains("points not in yet: " + string.Join(", ", lacking), status.Output);

        var refused = Bnnc(slurm, "sweep", "merge", split);
        refused.ShouldFailWith("BNN7006", "cannot merge", string.Join(", ", lacking), "(tasks 2)");
        Assert.False(File.Exists(Path.Combine(split, "results.json")));

        var resume = Bnnc(slurm, "sweep", "resume", split);
        Assert.True(resume.ExitCode == 0, resume.Error);
        Assert.Contains("resubmitted tasks 2 as job", resume.Output);
        var rerun = Manifest(split).GetProperty("submissions")[1];
        Assert.Equal([2], rerun.GetProperty("tasks").EnumerateArray().Select(t => t.GetInt32()));
        slurm.WaitForJob(rerun.GetProperty("job_id").GetString()!, JobTimeout);

        var done = Bnnc(slurm, "sweep", "status", split);
        Assert.Contains("tasks: 3 finished, 0 running, 0 pending, 0 failed, 0 missing", done.Output);
        Assert.Contains("nothing to resume", Bnnc(slurm, "sweep", "resume", split).Output);
        var merge = Bnnc(slurm, "sweep", "merge", split);
        Assert.True(merge.ExitCode == 0, merge.Error);
        foreach (var file in new[] { "results.json", "results.csv", "report.md" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(whole, file)), File.ReadAllBytes(Path.Combine(split, file)));
        }

        // The grid has real spread: the varied points' trials differ, so a trial lost or taken twice would show.
        using var results = ReportSchemaAssert.Valid(File.ReadAllText(Path.Combine(split, "results.json")), "sweep-results");
        Assert.Contains(results.RootElement.GetProperty("rows").EnumerateArray(), r => r.GetProperty("monte_carlo").GetProperty("std_top1").GetDouble() > 0);
    }

    /// <summary>bnnc as its own process (as a user runs it), with SLURM_CONF pointing at the test cluster.</summary>
    private static CliRun Bnnc(LocalSlurm slurm, params string[] args) =>
        slurm.Run("dotnet", [typeof(Program).Assembly.Location, .. args]);

    private static JsonElement Manifest(string split) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(split, "manifest.json"))).RootElement.Clone();

    /// <summary>What task K runs, as status and merge word it: "point P (trials a,b)".</summary>
    private static IReadOnlyList<string> TaskPoints(string split, int task) =>
        Manifest(split).GetProperty("tasks")[task].GetProperty("units").EnumerateArray()
            .GroupBy(u => u.GetProperty("point").GetInt32(), u => u.GetProperty("trial").GetInt32())
            .OrderBy(g => g.Key)
            .Select(g => $"point {g.Key} (trial{(g.Count() > 1 ? "s" : string.Empty)} {string.Join(",", g.Order())})")
            .ToList();
}
