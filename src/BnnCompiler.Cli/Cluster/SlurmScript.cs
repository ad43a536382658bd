using System.Globalization;
using System.Text;
using BnnCompiler.Cli.CommandLine;

namespace BnnCompiler.Cli.Cluster;

/// <summary>
/// DIR/sweep.sbatch: a job array with one task per manifest task; task K runs <c>bnnc sweep task DIR K</c> from the
/// directory the sweep was started in, and logs to DIR/logs/task-K-job-J.out.
/// </summary>
public static class SlurmScript
{
    public const string FileName = "sweep.sbatch";

    public static string Build(string directory, SweepManifest manifest, IReadOnlyList<string> options)
    {
        var dir = Path.GetFullPath(directory);
        var sb = new StringBuilder();
        sb.Append("#!/bin/bash\n");
        sb.Append("# bnnc sweep: one array task per task of manifest.json; resubmit failed tasks with 'bnnc sweep resume DIR'\n");
        sb.Append("#SBATCH --job-name=bnnc-sweep\n");
        sb.Append(CultureInfo.InvariantCulture, $"#SBATCH --array=0-{manifest.Tasks.Count - 1}\n");
        sb.Append(CultureInfo.InvariantCulture, $"#SBATCH --output={Path.Combine(dir, "logs", "task-%a-job-%A.out")}\n");
        sb.Append(CultureInfo.InvariantCulture, $"#SBATCH --chdir={manifest.WorkingDirectory}\n");
        foreach (var option in options)
        {
            sb.Append(CultureInfo.InvariantCulture, $"#SBATCH {option}\n");
        }

        sb.Append("set -eu\n");
        sb.Append(string.Join(' ', BnncInvocation.Command().Concat(["sweep", "task", dir]).Select(Quote)));
        sb.Append(" \"${SLURM_ARRAY_TASK_ID}\"\n");
        return sb.ToString();
    }

    /// <summary>
    /// Splits <c>--slurm-opt</c> into sbatch options: <c>--key=value</c> and flags each alone, <c>-k value</c> kept
    /// together. Quotes and anything not starting with '-' where an option is due are rejected.
    /// </summary>
    public static IReadOnlyList<string> Options(string? text)
    {
        var options = new List<string>();
        if (text is null)
        {
            return options;
        }

        if (text.IndexOfAny(['"', '\'', '\n', '\\']) >= 0)
        {
            throw ArgumentParser.Error("sweep", $"--slurm-opt takes plain sbatch options separated by spaces, without quotes; got '{text}'");
        }

        foreach (var token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.StartsWith('-'))
            {
                options.Add(token);
            }
            else if (options.Count > 0 && options[^1].StartsWith('-') && !options[^1].StartsWith("--", StringComparison.Ordinal) && !options[^1].Contains(' '))
            {
                options[^1] += " " + token;
            }
            else
            {
                throw ArgumentParser.Error("sweep", $"--slurm-opt: '{token}' is not an sbatch option; write --key=value (e.g. --partition=x)");
            }
        }

        if (options.FirstOrDefault(o => o.StartsWith("--array", StringComparison.Ordinal) || o.StartsWith("--output", StringComparison.Ordinal)) is { } owned)
        {
            throw ArgumentParser.Error("sweep", $"--slurm-opt: {owned} is set by bnnc (one array task per manifest task, logs in DIR/logs)");
        }

        return options;
    }

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
