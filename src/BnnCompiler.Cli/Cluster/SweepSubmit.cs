using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Cli.Commands;
using BnnCompiler.Cli.Output;
using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Evaluation.Sweep;

namespace BnnCompiler.Cli.Cluster;

/// <summary>
/// <c>bnnc sweep ... --slurm|--k8s [--tasks N] [--slurm-opt "..."] [--dry-run] -o DIR</c>: splits the sweep into
/// work units (point × trial), balances them over N tasks by expected cost, writes DIR/manifest.json and the
/// scheduler's file (DIR/sweep.sbatch, DIR/k8s-job.yaml), and submits the Slurm array.
/// </summary>
public static class SweepSubmit
{
    public static int Run(ParsedArguments args, SweepSetup setup, string directory, TextWriter output)
    {
        if (args.Has("shard"))
        {
            throw ArgumentParser.Error("sweep", "--shard and --slurm/--k8s both split the sweep; give one of them");
        }

        var tasks = ArgumentParser.Int(args, SweepClusterOptions.Tasks.Name, SweepClusterOptions.DefaultTasks, 1, SweepClusterOptions.MaxTasks, "sweep");
        var slurmOptions = SlurmScript.Options(args.Value(SweepClusterOptions.SlurmOpt.Name));
        if (SweepManifest.ExistsIn(directory))
        {
            throw new DiagnosticException(Diagnostic.Error("BNN7004",
                "this folder already holds a split sweep (manifest.json); see 'bnnc sweep status DIR', or give another -o", new SourceLocation(directory)));
        }

        var runner = new SweepRunner(setup.Model, setup.Spec, null);
        var units = SweepPlanner.Units(setup.Points, setup.Trials, p => SweepCostEstimate.PerTrial(runner.Mapping(p)));
        var plans = SweepPlanner.Balance(units, tasks);
        var manifest = new SweepManifest(SweepManifest.CurrentVersion, setup.Model.Path, Directory.GetCurrentDirectory(), TaskArguments(args),
            setup.Points.Count, setup.Trials, plans, []);
        Directory.CreateDirectory(Path.Combine(directory, "logs"));
        manifest.Write(directory);
        output.WriteLine($"{setup.Points.Count} points × {Math.Max(setup.Trials, 1)} trial(s) = {units.Count} work units in {plans.Count} tasks; manifest in {SweepManifest.PathIn(directory)}");
        if (args.Has(SweepClusterOptions.K8s.Name))
        {
            var yaml = Path.Combine(directory, KubernetesJob.FileName);
            AtomicFile.WriteAllText(yaml, KubernetesJob.Build(directory, manifest, args.Value(SweepClusterOptions.K8sImage.Name)!));
            output.WriteLine($"Kubernetes Indexed Job in {yaml} (apply it with kubectl; DIR and {manifest.WorkingDirectory} must be mounted at the same paths)");
        }

        if (!args.Has(SweepClusterOptions.Slurm.Name))
        {
            return 0;
        }

        var script = Path.Combine(directory, SlurmScript.FileName);
        AtomicFile.WriteAllText(script, SlurmScript.Build(directory, manifest, slurmOptions));
        if (args.Has(SweepClusterOptions.DryRun.Name))
        {
            output.Write(File.ReadAllText(script));
            output.WriteLine($"dry run: nothing submitted; submit with: sbatch {script}  (then follow with: bnnc sweep status {directory})");
            return 0;
        }

        var job = SlurmQueue.Submit(script, []);
        (manifest with { Submissions = [new SweepSubmission(job, plans.Select(p => p.Task).ToList())] }).Write(directory);
        output.WriteLine($"submitted job {job}: array tasks 0-{plans.Count - 1}; follow with: bnnc sweep status {directory}");
        return 0;
    }

    /// <summary>The sweep's own options and model, as every task re-reads them (submission options and -o left out).</summary>
    private static IReadOnlyList<string> TaskArguments(ParsedArguments args)
    {
        var list = new List<string>(args.Positionals);
        foreach (var option in SweepCommand.Command.Options.Where(o => !SweepClusterOptions.SubmissionOnly.Contains(o.Name)))
        {
            foreach (var value in args.Values(option.Name))
            {
                list.Add("--" + option.Name);
                if (option.TakesValue)
                {
                    list.Add(value);
                }
            }
        }

        return list;
    }
}
