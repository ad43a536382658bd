using BnnCompiler.Cli.Cluster;

namespace BnnCompiler.Cli.Tests;

/// <summary>
/// A task's state from its folder markers and Slurm's word for its array task, and the reading of sacct/squeue
/// lines (the states a one-node test cluster cannot produce on demand: failures, time-outs, pre-emption).
/// </summary>
public sealed class SweepTaskStateTests
{
    [Theory]
    [InlineData("COMPLETED", true, true, "finished")]        // results written: finished, whatever Slurm says
    [InlineData(null, true, true, "finished")]
    [InlineData("PENDING", false, false, "pending")]
    [InlineData("RUNNING", false, true, "running")]
    [InlineData("COMPLETING", false, true, "running")]
    [InlineData("FAILED", false, true, "failed")]
    [InlineData("CANCELLED", false, false, "failed")]
    [InlineData("TIMEOUT", false, true, "failed")]
    [InlineData("PREEMPTED", false, true, "failed")]
    [InlineData("OUT_OF_MEMORY", false, true, "failed")]
    [InlineData("COMPLETED", false, true, "failed")]         // exit 0 but no results: failed, not finished
    [InlineData(null, false, true, "failed")]                // started, Slurm forgot it, no results
    [InlineData(null, false, false, "missing")]
    public void Should_Combine_Folder_And_Slurm_State(string? slurm, bool done, bool started, string expected)
    {
        var state = SweepTaskState.Of(3, "41", slurm, done, started);
        Assert.Equal(expected, state.State);
        Assert.Equal(expected is "failed" or "missing", state.NeedsRun);
    }

    [Fact]
    public void Should_Say_Why_A_Task_Is_Missing() =>
        Assert.Equal(["never submitted", "not run, and no longer queued (cancelled or lost)"],
            new[] { null, "41" }.Select(job => SweepTaskState.Of(0, job, null, false, false).Detail));

    [Fact]
    public void Should_Read_Array_Tasks_From_Sacct_And_Squeue_Lines()
    {
        var states = new Dictionary<(string, int), string>();
        SlurmQueue.Parse("41_0|COMPLETED\n41_1|CANCELLED by 0\n41_2|FAILED\n41|PENDING\n41_[3-4]|PENDING\n", states);
        SlurmQueue.Parse("41_1|RUNNING\n41_5|RUNNING\n", states);   // the first source read wins
        Assert.Equal(new Dictionary<(string, int), string>
        {
            [("41", 0)] = "COMPLETED",
            [("41", 1)] = "CANCELLED",
            [("41", 2)] = "FAILED",
            [("41", 5)] = "RUNNING",
        }, states);
    }
}
