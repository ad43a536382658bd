using System.Globalization;
using BnnCompiler.Core.Diagnostics;

namespace BnnCompiler.Cli.Cluster;

/// <summary>
/// Slurm's client commands as bnnc uses them: <c>sbatch --parsable</c> to submit, and the state of each array task
/// from <c>sacct</c> (when accounting is on) and <c>squeue --states=all</c> (the controller's memory of recent jobs).
/// </summary>
public static class SlurmQueue
{
    /// <summary>Submits the script (command-line options override its #SBATCH lines); returns the job id.</summary>
    public static string Submit(string script, IReadOnlyList<string> options)
    {
        var run = ExternalCommand.Run("sbatch", ["--parsable", .. options, script])
            ?? throw new DiagnosticException(Diagnostic.Error("BNN7005", "sbatch is not installed or not on PATH; --slurm needs Slurm's client commands (Debian: slurm-client); --dry-run writes the script without it", new SourceLocation(script)));
        var id = run.Output.Trim().Split(';')[0];
        return run.ExitCode == 0 && id.Length > 0 && id.All(char.IsAsciiDigit)
            ? id
            : throw new DiagnosticException(Diagnostic.Error("BNN7005", $"sbatch refused the job (exit {run.ExitCode}): {(run.Error + run.Output).Trim()}", new SourceLocation(script)));
    }

    /// <summary>The state (e.g. PENDING, RUNNING, COMPLETED, FAILED, CANCELLED) of each array task Slurm still knows, by (job id, task).</summary>
    public static IReadOnlyDictionary<(string Job, int Task), string> States(IEnumerable<string> jobIds)
    {
        var states = new Dictionary<(string, int), string>();
        foreach (var job in jobIds.Distinct())
        {
            // sacct is authoritative when accounting storage is configured; squeue fills in what it lacks.
            if (ExternalCommand.Run("sacct", ["-n", "-P", "-X", "-j", job, "-o", "JobID,State"]) is { ExitCode: 0 } sacct)
            {
                Parse(sacct.Output, states);
            }

            if (ExternalCommand.Run("squeue", ["-h", "-r", "--states=all", "-j", job, "-o", "%i|%T"]) is { ExitCode: 0 } squeue)
            {
                Parse(squeue.Output, states);
            }
        }

        return states;
    }

    /// <summary>Reads lines <c>JOB_TASK|STATE</c>; the first state seen for a task wins.</summary>
    public static void Parse(string lines, Dictionary<(string, int), string> into)
    {
        foreach (var line in lines.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var cells = line.Split('|');
            var id = cells[0].Split('_');
            if (cells.Length >= 2 && id.Length == 2 && int.TryParse(id[1], NumberStyles.None, CultureInfo.InvariantCulture, out var task))
            {
                into.TryAdd((id[0], task), cells[1].Split(' ')[0]);
            }
        }
    }
}
