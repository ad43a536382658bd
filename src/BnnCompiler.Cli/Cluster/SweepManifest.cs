using System.Text.Json;
using BnnCompiler.Cli.Output;
using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Evaluation.Sweep;

namespace BnnCompiler.Cli.Cluster;

/// <summary>
/// DIR/manifest.json of a sweep split into tasks: the sweep's own arguments (what every task runs with, from
/// <paramref name="WorkingDirectory"/>), the grid size, each task's work units and where it writes
/// (DIR/tasks/K), and the Slurm submissions so far. <c>bnnc sweep task|status|resume|merge DIR</c> read it.
/// </summary>
public sealed record SweepManifest(
    int Version,
    string Model,
    string WorkingDirectory,
    IReadOnlyList<string> Arguments,
    int Points,
    int Trials,
    IReadOnlyList<SweepTaskPlan> Tasks,
    IReadOnlyList<SweepSubmission> Submissions)
{
    public const int CurrentVersion = 1;

    public const string FileName = "manifest.json";

    public static string PathIn(string directory) => System.IO.Path.Combine(directory, FileName);

    public static bool ExistsIn(string directory) => File.Exists(PathIn(directory));

    /// <summary>The folder task <paramref name="task"/> writes its results into.</summary>
    public static string TaskDirectory(string directory, int task) => System.IO.Path.Combine(directory, "tasks", task.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void Write(string directory) => AtomicFile.WriteAllText(PathIn(directory), Json.Serialize(this));

    public static SweepManifest Read(string directory)
    {
        var path = PathIn(directory);
        if (!File.Exists(path))
        {
            throw new DiagnosticException(Diagnostic.Error("BNN7004", "no manifest.json here; expected the -o folder of 'bnnc sweep --slurm' or '--k8s'", new SourceLocation(directory)));
        }

        SweepManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<SweepManifest>(File.ReadAllText(path), Json.Options);
        }
        catch (JsonException e)
        {
            throw new DiagnosticException(Diagnostic.Error("BNN7004", $"manifest.json is not a sweep manifest: {e.Message}", new SourceLocation(path)));
        }

        return manifest is { Version: CurrentVersion, Tasks: not null, Arguments: not null, Submissions: not null } && manifest.Tasks.Count > 0
            ? manifest
            : throw new DiagnosticException(Diagnostic.Error("BNN7004", $"manifest.json is not a version {CurrentVersion} sweep manifest with tasks", new SourceLocation(path)));
    }

    /// <summary>The latest submission that ran task <paramref name="task"/>, or null when it was never submitted.</summary>
    public SweepSubmission? LatestFor(int task) => Submissions.LastOrDefault(s => s.Tasks.Contains(task));
}
