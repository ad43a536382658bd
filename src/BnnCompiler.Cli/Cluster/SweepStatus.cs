using System.Globalization;
using BnnCompiler.Cli.Output;
using BnnCompiler.Evaluation.Sweep;

namespace BnnCompiler.Cli.Cluster;

/// <summary>
/// The state of every task of a split sweep (<see cref="SweepTaskState"/>) and the points whose results are not
/// in yet; <c>bnnc sweep status DIR</c> prints it, resume and merge act on it.
/// </summary>
public sealed record SweepStatus(IReadOnlyList<SweepTaskState> Tasks, IReadOnlyList<SweepMissing> MissingPoints)
{
    /// <summary>Reads the task folders and asks Slurm about the tasks' latest jobs (when any were submitted).</summary>
    public static SweepStatus Read(string directory, SweepManifest manifest)
    {
        var jobs = manifest.Submissions.Select(s => s.JobId).ToList();
        var slurm = jobs.Count > 0 ? SlurmQueue.States(jobs) : new Dictionary<(string, int), string>();
        var tasks = new List<SweepTaskState>();
        var rows = new List<SweepRow>();
        var values = new List<SweepTrialValue>();
        foreach (var plan in manifest.Tasks)
        {
            var folder = SweepManifest.TaskDirectory(directory, plan.Task);
            var job = manifest.LatestFor(plan.Task)?.JobId;
            var done = SweepTaskOutput.IsDone(folder);
            var state = job is not null && slurm.TryGetValue((job, plan.Task), out var s) ? s : null;
            tasks.Add(SweepTaskState.Of(plan.Task, job, state, done, SweepTaskOutput.HasStarted(folder)));
            if (done)
            {
                rows.AddRange(SweepTaskOutput.Rows(folder));
                values.AddRange(SweepTaskOutput.TrialValues(folder));
            }
        }

        return new SweepStatus(tasks, SweepAssembler.Missing(manifest.Points, manifest.Trials, rows, values));
    }

    public void Print(SweepManifest manifest, TextWriter output)
    {
        var table = new TextTable(["task", "points", "units", "expected cost", "job", "state", "detail"]);
        foreach (var t in Tasks)
        {
            var plan = manifest.Tasks[t.Task];
            table.Add([t.Task, Ranges(plan.Points), plan.Units.Count, plan.ExpectedCost.ToString("G4", CultureInfo.InvariantCulture),
                t.JobId is null ? "-" : $"{t.JobId}_{t.Task}", t.State, t.Detail]);
        }

        output.Write(table.ToString());
        var counts = string.Join(", ", new[] { SweepTaskState.Finished, SweepTaskState.Running, SweepTaskState.Pending, SweepTaskState.Failed, SweepTaskState.Missing }
            .Select(s => $"{Tasks.Count(t => t.State == s)} {s}"));
        output.WriteLine($"tasks: {counts}");
        output.WriteLine(MissingPoints.Count == 0
            ? $"all {manifest.Points} points are in; merge with: bnnc sweep merge DIR"
            : $"points not in yet: {string.Join(", ", MissingPoints)}");
    }

    /// <summary>Indices as ranges, e.g. 0-3,7,9-10.</summary>
    public static string Ranges(IReadOnlyList<int> sorted)
    {
        var parts = new List<string>();
        for (var i = 0; i < sorted.Count; i++)
        {
            var start = sorted[i];
            while (i + 1 < sorted.Count && sorted[i + 1] == sorted[i] + 1)
            {
                i++;
            }

            parts.Add(sorted[i] == start ? I(start) : $"{I(start)}-{I(sorted[i])}");
        }

        return string.Join(",", parts);
    }

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
}
