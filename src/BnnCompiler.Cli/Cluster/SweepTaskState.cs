namespace BnnCompiler.Cli.Cluster;

/// <summary>
/// Where one task of a split sweep stands: <c>finished</c> (its results are written), <c>pending</c> or
/// <c>running</c> (Slurm has it), <c>failed</c> (it ran and stopped without results: the scheduler's state or
/// the folder says so) or <c>missing</c> (never ran: not submitted, or cancelled before it started).
/// </summary>
public sealed record SweepTaskState(int Task, string State, string? JobId, string Detail)
{
    public const string Finished = "finished";
    public const string Pending = "pending";
    public const string Running = "running";
    public const string Failed = "failed";
    public const string Missing = "missing";

    private static readonly HashSet<string> Queued = ["PENDING", "REQUEUED", "REQUEUE_HOLD", "REQUEUE_FED", "RESIZING", "SUSPENDED"];
    private static readonly HashSet<string> Active = ["RUNNING", "CONFIGURING", "COMPLETING", "STAGE_OUT", "SIGNALING"];

    /// <summary>True when resume should submit the task again.</summary>
    public bool NeedsRun => State is Failed or Missing;

    /// <summary>
    /// The state of a task from its folder (done / started markers) and Slurm's state of its latest array task
    /// (null when Slurm no longer knows it or it was never submitted).
    /// </summary>
    public static SweepTaskState Of(int task, string? jobId, string? slurmState, bool done, bool started)
    {
        if (done)
        {
            return new(task, Finished, jobId, "results written");
        }

        if (slurmState is not null && Queued.Contains(slurmState))
        {
            return new(task, Pending, jobId, $"Slurm: {slurmState}");
        }

        if (slurmState is not null && Active.Contains(slurmState))
        {
            return new(task, Running, jobId, $"Slurm: {slurmState}");
        }

        if (slurmState is not null)
        {
            return new(task, Failed, jobId, slurmState == "COMPLETED" ? "Slurm: COMPLETED, but no results were written" : $"Slurm: {slurmState}");
        }

        if (started)
        {
            return new(task, Failed, jobId, "started, stopped without results");
        }

        return new(task, Missing, jobId, jobId is null ? "never submitted" : "not run, and no longer queued (cancelled or lost)");
    }
}
