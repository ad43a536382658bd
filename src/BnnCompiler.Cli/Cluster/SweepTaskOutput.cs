using System.Text.Json;
using BnnCompiler.Cli.Output;
using BnnCompiler.Evaluation.Sweep;
using BnnCompiler.Reports;

namespace BnnCompiler.Cli.Cluster;

/// <summary>
/// The folder of one task, DIR/tasks/K: <c>started</c> when the task began, <c>results.json</c> (the rows of the
/// points whose trial 0 it ran, as a sweep shard writes them), <c>trials.json</c> (the top-1 of every trial it
/// ran) and, last, <c>done</c>. A task without <c>done</c> did not finish and its files are not used.
/// </summary>
public static class SweepTaskOutput
{
    private const string Started = "started";
    private const string Done = "done";
    private const string TrialsFile = "trials.json";

    /// <summary>Clears the folder of an earlier attempt and marks the task as started.</summary>
    public static void Begin(string folder, int task)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        AtomicFile.WriteAllText(Path.Combine(folder, Started), $"task {task} started\n");
    }

    /// <summary>Writes the task's rows and trial values, then the <c>done</c> marker.</summary>
    public static void Finish(string folder, int task, IReadOnlyList<SweepRow> rows, IReadOnlyList<SweepTrialValue> values)
    {
        SweepFiles.WriteJson(folder, rows);
        AtomicFile.WriteAllText(Path.Combine(folder, TrialsFile), Json.Serialize(values));
        AtomicFile.WriteAllText(Path.Combine(folder, Done), $"task {task} done: {rows.Count} rows, {values.Count} trial values\n");
    }

    public static bool IsDone(string folder) => File.Exists(Path.Combine(folder, Done));

    public static bool HasStarted(string folder) => File.Exists(Path.Combine(folder, Started));

    public static IReadOnlyList<SweepRow> Rows(string folder) => SweepFiles.ReadJson(folder);

    public static IReadOnlyList<SweepTrialValue> TrialValues(string folder) =>
        JsonSerializer.Deserialize<List<SweepTrialValue>>(File.ReadAllText(Path.Combine(folder, TrialsFile)), Json.Options) ?? [];
}
