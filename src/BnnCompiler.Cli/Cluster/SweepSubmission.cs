namespace BnnCompiler.Cli.Cluster;

/// <summary>One submission of a sweep's tasks to Slurm: the job id sbatch returned and the array indices it ran.</summary>
public sealed record SweepSubmission(string JobId, IReadOnlyList<int> Tasks);
