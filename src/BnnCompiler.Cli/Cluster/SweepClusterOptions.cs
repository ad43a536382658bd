using BnnCompiler.Cli.CommandLine;

namespace BnnCompiler.Cli.Cluster;

/// <summary>The options of <c>bnnc sweep</c> that split a sweep into tasks for a scheduler (Slurm, Kubernetes).</summary>
public static class SweepClusterOptions
{
    public const int DefaultTasks = 8;

    public const int MaxTasks = 10_000;

    public static OptionSpec Slurm { get; } = OptionSpec.Flag("slurm", "split the sweep into array tasks balanced by expected cost, write DIR/sweep.sbatch and DIR/manifest.json, and submit with sbatch");

    public static OptionSpec SlurmOpt { get; } = new("slurm-opt", "sbatch options for the array (and for resume), e.g. \"--partition=x --time=1:00:00\"") { ValueName = "OPTIONS" };

    public static OptionSpec K8s { get; } = OptionSpec.Flag("k8s", "split the sweep into tasks and write DIR/k8s-job.yaml, a Kubernetes Indexed Job (not applied)");

    public static OptionSpec K8sImage { get; } = new("k8s-image", "container image with bnnc for --k8s") { ValueName = "IMAGE", Default = "bnnc:latest" };

    public static OptionSpec Tasks { get; } = OptionSpec.Integer("tasks", "number of tasks for --slurm/--k8s (at most one per point and trial)", 1, MaxTasks, DefaultTasks);

    public static OptionSpec DryRun { get; } = OptionSpec.Flag("dry-run", "with --slurm or resume: write and print the script, submit nothing");

    public static IReadOnlyList<OptionSpec> All { get; } = [Slurm, SlurmOpt, K8s, K8sImage, Tasks, DryRun];

    /// <summary>True when the command line asks for a scheduler instead of a local run.</summary>
    public static bool Requested(ParsedArguments args) => args.Has(Slurm.Name) || args.Has(K8s.Name);

    /// <summary>The options that only steer submission, left out of the arguments each task runs with.</summary>
    public static IReadOnlySet<string> SubmissionOnly { get; } = new HashSet<string>(All.Select(o => o.Name).Append("output").Append("shard"));
}
