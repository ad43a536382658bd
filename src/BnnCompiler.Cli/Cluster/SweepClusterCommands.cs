using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Cli.Commands;
using BnnCompiler.Cli.Output;
using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Evaluation.Sweep;

namespace BnnCompiler.Cli.Cluster;

/// <summary>
/// The verbs of <c>bnnc sweep</c> on a split sweep's folder: <c>status DIR</c>, <c>resume DIR</c>,
/// <c>task DIR K</c> and <c>merge DIR [-o OUT]</c> (a folder holding manifest.json; merge of shard folders is
/// <see cref="SweepCommand"/>'s own).
/// </summary>
public static class SweepClusterCommands
{
    public static bool Handles(ParsedArguments args) => args.Positionals[0] switch
    {
        "status" or "resume" or "task" => true,
        "merge" => args.Positionals.Count == 2 && SweepManifest.ExistsIn(args.Positionals[1]),
        _ => false,
    };

    public static int Run(ParsedArguments args, TextWriter output)
    {
        var verb = args.Positionals[0];
        var expected = verb == "task" ? 3 : 2;
        if (args.Positionals.Count != expected)
        {
            throw ArgumentParser.Error("sweep", verb == "task" ? "usage: bnnc sweep task DIR K" : $"usage: bnnc sweep {verb} DIR");
        }

        var directory = args.Positionals[1];
        return verb switch
        {
            "task" => SweepTask.Run(directory, args.Positionals[2], output),
            "status" => Status(directory, output),
            "resume" => Resume(args, directory, output),
            _ => Merge(directory, args.Value("output") ?? directory, output),
        };
    }

    private static int Status(string directory, TextWriter output)
    {
        var manifest = SweepManifest.Read(directory);
        SweepStatus.Read(directory, manifest).Print(manifest, output);
        return 0;
    }

    /// <summary>Resubmits the failed and missing tasks as one array of just those indices; running and pending ones are left alone.</summary>
    private static int Resume(ParsedArguments args, string directory, TextWriter output)
    {
        var manifest = SweepManifest.Read(directory);
        var status = SweepStatus.Read(directory, manifest);
        var again = status.Tasks.Where(t => t.NeedsRun).Select(t => t.Task).ToList();
        if (again.Count == 0)
        {
            output.WriteLine($"nothing to resume: {string.Join(", ", status.Tasks.GroupBy(t => t.State).Select(g => $"{g.Count()} {g.Key}"))}");
            return 0;
        }

        var script = Path.Combine(directory, SlurmScript.FileName);
        if (!File.Exists(script))
        {
            throw new DiagnosticException(Diagnostic.Error("BNN7004", "no sweep.sbatch here; resume resubmits the Slurm array of 'bnnc sweep --slurm'", new SourceLocation(directory)));
        }

        string[] options = [$"--array={string.Join(",", again)}", .. SlurmScript.Options(args.Value(SweepClusterOptions.SlurmOpt.Name))];
        if (args.Has(SweepClusterOptions.DryRun.Name))
        {
            output.WriteLine($"dry run: would submit: sbatch {string.Join(' ', options)} {script}");
            return 0;
        }

        var job = SlurmQueue.Submit(script, options);
        (manifest with { Submissions = [.. manifest.Submissions, new SweepSubmission(job, again)] }).Write(directory);
        output.WriteLine($"resubmitted tasks {SweepStatus.Ranges(again)} as job {job}");
        return 0;
    }

    /// <summary>Joins the finished tasks' results; refuses, naming them, while any point or trial is missing.</summary>
    private static int Merge(string directory, string into, TextWriter output)
    {
        var manifest = SweepManifest.Read(directory);
        OutputPaths.CheckDirectory(into);
        var rows = new List<SweepRow>();
        var values = new List<SweepTrialValue>();
        foreach (var plan in manifest.Tasks)
        {
            var folder = SweepManifest.TaskDirectory(directory, plan.Task);
            if (SweepTaskOutput.IsDone(folder))
            {
                rows.AddRange(SweepTaskOutput.Rows(folder));
                values.AddRange(SweepTaskOutput.TrialValues(folder));
            }
        }

        var missing = SweepAssembler.Missing(manifest.Points, manifest.Trials, rows, values);
        if (missing.Count > 0)
        {
            var tasks = manifest.Tasks.Where(p => p.Units.Any(u => missing.Any(m => m.Point == u.Point && (m.Trials.Contains(u.Trial) || (m.Row && u.Trial == 0))))).Select(p => p.Task).ToList();
            throw new DiagnosticException(Diagnostic.Error("BNN7006",
                $"cannot merge: {missing.Count} of {manifest.Points} points are not in yet: {string.Join(", ", missing)} (tasks {SweepStatus.Ranges(tasks)}); see 'bnnc sweep status {directory}', then 'bnnc sweep resume {directory}'",
                new SourceLocation(directory)));
        }

        SweepCommand.WriteAll(into, SweepAssembler.Assemble(manifest.Points, manifest.Trials, rows, values), manifest.Model, includePlots: true);
        output.WriteLine($"merged {manifest.Points} points from {manifest.Tasks.Count} tasks into {into}");
        return 0;
    }
}
