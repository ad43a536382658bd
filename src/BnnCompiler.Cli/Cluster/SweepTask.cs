using System.Diagnostics;
using System.Globalization;
using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Cli.Commands;
using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Evaluation.Sweep;
using BnnCompiler.Hardware;

namespace BnnCompiler.Cli.Cluster;

/// <summary>
/// <c>bnnc sweep task DIR K</c>: runs task K of a split sweep (what each Slurm array task or Kubernetes pod runs):
/// re-reads the sweep's arguments from the manifest, runs the task's units (trial 0 of a point gives its priced
/// row, trial t ≥ 1 the top-1 of seed S + t) and writes them to DIR/tasks/K, <c>done</c> last.
/// </summary>
public static class SweepTask
{
    public static int Run(string directory, string taskText, TextWriter output)
    {
        var manifest = SweepManifest.Read(directory);
        if (!int.TryParse(taskText, NumberStyles.None, CultureInfo.InvariantCulture, out var task) || task >= manifest.Tasks.Count)
        {
            throw ArgumentParser.Error("sweep", $"sweep task needs a task index from 0 to {manifest.Tasks.Count - 1}; got '{taskText}'");
        }

        var clock = Stopwatch.StartNew();
        var folder = SweepManifest.TaskDirectory(directory, task);
        SweepTaskOutput.Begin(folder, task);
        var setup = SweepSetup.From(ArgumentParser.Parse("sweep", manifest.Arguments, SweepCommand.Command.Options, int.MaxValue));
        if (setup.Points.Count != manifest.Points || setup.Trials != manifest.Trials)
        {
            throw new DiagnosticException(Diagnostic.Error("BNN7004",
                $"the manifest's arguments now give {setup.Points.Count} points × {setup.Trials} trials, not {manifest.Points} × {manifest.Trials}", new SourceLocation(SweepManifest.PathIn(directory))));
        }

        var runner = new SweepRunner(setup.Model, setup.Spec, setup.Feeder);
        var rows = new List<SweepRow>();
        var values = new List<SweepTrialValue>();
        foreach (var unit in manifest.Tasks[task].Units)
        {
            var point = setup.Points[unit.Point];
            var seed = HardwareSpecLoader.ApplyOverrides(setup.Spec, point.Overrides).NonIdealities.Seed;
            Console.Error.WriteLine($"task {task}: point {point.Index} ({point}), trial {unit.Trial}");
            if (unit.Trial == 0)
            {
                var row = runner.RunPoint(point);
                rows.Add(row);
                values.Add(new SweepTrialValue(point.Index, 0, seed, row.SimulatedTop1 ?? 0));
            }
            else
            {
                values.Add(new SweepTrialValue(point.Index, unit.Trial, seed, runner.RunTrial(point, unit.Trial).Top1));
            }
        }

        SweepTaskOutput.Finish(folder, task, rows, values);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"task {task}: {manifest.Tasks[task].Units.Count} units of points {SweepStatus.Ranges(manifest.Tasks[task].Points)} in {clock.Elapsed.TotalSeconds:F1} s; results in {folder}"));
        return 0;
    }
}
