using System.Text.Json;
using BnnCompiler.Testing;

namespace BnnCompiler.Cli.Tests;

/// <summary>
/// A sweep split into tasks without a scheduler: --slurm --dry-run writes the manifest and script, each
/// 'bnnc sweep task DIR K' runs by hand, status and merge name what is missing, and the merge equals the
/// unsharded run byte for byte, with the Monte-Carlo statistics recomputed from the per-trial values.
/// </summary>
public sealed class SweepSplitTests : IDisposable
{
    private static readonly string Tfc = RepoPaths.ExternalModel("tfc-w1a1/TFC_1W1A.qonnx.onnx");
    private static readonly string Spec = RepoPaths.Repo("hwspecs/default.yaml");
    private static readonly string[] Grid = [Tfc, "--hw", Spec, "--data", "mnist-heldout", "--limit", "80", "--input-bits", "1,2",
        "--set", "non_idealities.device_variation.sigma=0,0.3", "--trials", "4", "--seed", "7"];

    private readonly string _dir = Directory.CreateTempSubdirectory("bnnc-split-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Should_Merge_Tasks_Run_By_Hand_Into_The_Unsharded_Result()
    {
        var whole = Path.Combine(_dir, "whole");
        Assert.Equal(0, CliRun.Of(["sweep", .. Grid, "-o", whole]).ExitCode);
        var split = Path.Combine(_dir, "split");
        var dry = CliRun.Of(["sweep", .. Grid, "--slurm", "--dry-run", "--tasks", "5", "-o", split]);
        Assert.True(dry.ExitCode == 0, dry.Error);
        Assert.Contains("16 work units in 5 tasks", dry.Output);
        Assert.Contains("#SBATCH --array=0-4", dry.Output);
        Assert.Contains("'sweep' 'task' '" + Path.GetFullPath(split) + "' \"${SLURM_ARRAY_TASK_ID}\"", dry.Output);

        for (var k = 0; k < 4; k++)
        {
            Assert.Equal(0, CliRun.Of("sweep", "task", split, k.ToString(System.Globalization.CultureInfo.InvariantCulture)).ExitCode);
        }

        var status = CliRun.Of("sweep", "status", split);
        Assert.Contains("tasks: 4 finished, 0 running, 0 pending, 0 failed, 1 missing", status.Output);
        Assert.Matches(@"(?m)^\s+4 .*-\s+missing\s+never submitted", status.Output);
        var lacking = Lacking(split, 4);
        Assert.Contains("points not in yet: " + lacking, status.Output);
        CliRun.Of("sweep", "merge", split).ShouldFailWith("BNN7006", lacking, "(tasks 4)");
        Assert.Contains("would submit: sbatch --array=4 ", CliRun.Of("sweep", "resume", split, "--dry-run").Output);

        Assert.Equal(0, CliRun.Of("sweep", "task", split, "4").ExitCode);
        Assert.Equal(0, CliRun.Of("sweep", "merge", split).ExitCode);
        foreach (var file in new[] { "results.json", "results.csv", "report.md" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(whole, file)), File.ReadAllBytes(Path.Combine(split, file)));
        }
    }

    [Fact]
    public void Should_Treat_A_Task_That_Started_And_Stopped_As_Failed()
    {
        var split = Path.Combine(_dir, "split");
        Assert.Equal(0, CliRun.Of(["sweep", .. Grid, "--slurm", "--dry-run", "--tasks", "2", "-o", split]).ExitCode);
        Directory.CreateDirectory(Path.Combine(split, "tasks", "1"));
        File.WriteAllText(Path.Combine(split, "tasks", "1", "started"), "task 1 started\n");
        var status = CliRun.Of("sweep", "status", split).Output;
        Assert.Matches(@"(?m)^\s+1 .*failed\s+started, stopped without results", status);
        Assert.Contains("0 finished, 0 running, 0 pending, 1 failed, 1 missing", status);
    }

    [Theory]
    [InlineData("--tasks", "0", "--tasks must be an integer from 1 to 10000; got '0'")]
    [InlineData("--slurm-opt", "partition=x", "'partition=x' is not an sbatch option")]
    [InlineData("--slurm-opt", "--array=0-3", "--array=0-3 is set by bnnc")]
    [InlineData("--shard", "0/2", "--shard and --slurm/--k8s both split the sweep")]
    public void Should_Reject_Bad_Split_Options(string option, string value, string message) =>
        CliRun.Of(["sweep", .. Grid, "--slurm", "--dry-run", option, value, "-o", Path.Combine(_dir, "bad")]).ShouldFailWith("BNN1001", message);

    [Fact]
    public void Should_Refuse_To_Overwrite_A_Split_Sweep_And_Bad_Task_Indices()
    {
        var split = Path.Combine(_dir, "split");
        Assert.Equal(0, CliRun.Of(["sweep", .. Grid, "--slurm", "--dry-run", "--tasks", "2", "-o", split]).ExitCode);
        CliRun.Of(["sweep", .. Grid, "--slurm", "--dry-run", "-o", split]).ShouldFailWith("BNN7004", "already holds a split sweep");
        CliRun.Of("sweep", "task", split, "2").ShouldFailWith("BNN1001", "task index from 0 to 1; got '2'");
        CliRun.Of("sweep", "status", _dir).ShouldFailWith("BNN7004", "no manifest.json here");
    }

    [Fact]
    public void Should_Write_A_Kubernetes_Indexed_Job_For_The_Same_Tasks()
    {
        var split = Path.Combine(_dir, "k8s");
        Assert.Equal(0, CliRun.Of(["sweep", .. Grid, "--k8s", "--k8s-image", "registry.example/bnnc:1", "--tasks", "3", "-o", split]).ExitCode);
        var yaml = File.ReadAllText(Path.Combine(split, "k8s-job.yaml"));
        Assert.Contains("completionMode: Indexed", yaml);
        Assert.Contains("completions: 3", yaml);
        Assert.Contains("image: \"registry.example/bnnc:1\"", yaml);
        Assert.Contains($"exec bnnc sweep task '{Path.GetFullPath(split)}' \\\"$JOB_COMPLETION_INDEX\\\"", yaml);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(split, "manifest.json")));
        Assert.Equal(3, manifest.RootElement.GetProperty("tasks").GetArrayLength());
        Assert.Equal(0, manifest.RootElement.GetProperty("submissions").GetArrayLength());
    }

    /// <summary>The points and trials of task K, as status and merge word them.</summary>
    private static string Lacking(string split, int task)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(split, "manifest.json")));
        return string.Join(", ", manifest.RootElement.GetProperty("tasks")[task].GetProperty("units").EnumerateArray()
            .GroupBy(u => u.GetProperty("point").GetInt32(), u => u.GetProperty("trial").GetInt32())
            .OrderBy(g => g.Key)
            .Select(g => $"point {g.Key} (trial{(g.Count() > 1 ? "s" : string.Empty)} {string.Join(",", g.Order())})"));
    }
}
