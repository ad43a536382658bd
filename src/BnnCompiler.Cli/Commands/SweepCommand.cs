using System.Diagnostics;
using System.Globalization;
using BnnCompiler.Cli.Cluster;
using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Cli.Output;
using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Evaluation.NeuroSim;
using BnnCompiler.Evaluation.Sweep;
using BnnCompiler.Hardware;
using BnnCompiler.Reports;

using BnnCompiler.Mapping;

namespace BnnCompiler.Cli.Commands;

/// <summary>
/// <c>bnnc sweep [MODEL] [--hw SPEC] [--data DATA] [--layout nchw|nhwc] [--labels FILE] [--input-scale S] [--limit N] [--input-bits 1..8] [--adc-bits 3..8]
/// [--set key=v1,v2]... [--trials N] [--seed S] [--shard i/N] -o DIR</c>: runs a grid of hardware configurations
/// (with <c>--trials</c>, N Monte-Carlo trials of the non-idealities per point, their mean, standard
/// deviation and 95 % confidence interval in every row), and
/// <c>bnnc sweep merge DIR... -o DIR</c> joins shards. Results are rewritten after every point, so an
/// interrupted sweep (Ctrl-C) leaves its finished points in DIR. With <c>--slurm</c> or <c>--k8s</c> the sweep is
/// split into scheduler tasks instead (<see cref="SweepSubmit"/>), followed with <c>status</c>, <c>resume</c>,
/// <c>task</c> and <c>merge DIR</c> (<see cref="SweepClusterCommands"/>).
/// </summary>
public static class SweepCommand
{
    // Declared before Command, which reads it during static initialisation.
    /// <summary><c>--html</c>: also write report.html.</summary>
    public static OptionSpec HtmlOption { get; } = new("html", "also write report.html: one self-contained file (tables, heatmap, plots) that opens in a browser", TakesValue: false);

    public static CliCommand Command { get; } = new(
        "sweep",
        "run a grid of hardware configurations: accuracy and cost tables, bottlenecks and plots",
        "bnnc sweep [MODEL] [--hw SPEC] [--data DATA] [--layout nchw|nhwc] [--labels FILE] [--input-scale S] [--limit N] [--input-bits 1..8] [--adc-bits 3..8] [--set key=v1,v2]... [--trials N] [--seed S] [--defects FILE] [--calibration DATA] [--shard i/N] [--html] -o DIR\n       bnnc sweep ... --slurm [--tasks N] [--slurm-opt \"--partition=x ...\"] [--dry-run] -o DIR   (or --k8s [--k8s-image IMAGE])\n       bnnc sweep status|resume|merge DIR      bnnc sweep task DIR K\n       bnnc sweep merge DIR... -o DIR",
        [
            .. HardwareOptions.SweepAll(),
            .. DataOptions.Specs("dataset name or path; without it the sweep prices hardware only"),
            EvaluateCommand.Trials,
            EvaluateCommand.Seed,
            new OptionSpec("shard", "run shard i of N (every N-th point), e.g. 0/4") { ValueName = "I/N" },
            new OptionSpec("output", "output directory", Alias: "o") { ValueName = "DIR" },
            HtmlOption,
            RepairOptions.Defects,
            RepairOptions.Calibration,
            .. ModelOptions.All,
            .. SweepClusterOptions.All,
        ],
        int.MaxValue,
        Run);

    private static int Run(ParsedArguments args, TextWriter output)
    {
        if (args.Positionals.Count > 0 && SweepClusterCommands.Handles(args))
        {
            return SweepClusterCommands.Run(args, output);
        }

        var directory = args.Value("output") ?? throw ArgumentParser.Error("sweep", "sweep needs -o DIR");
        OutputPaths.CheckDirectory(directory);
        if (args.Positionals.Count > 0 && args.Positionals[0] == "merge")
        {
            return Merge(args.Positionals.Skip(1).ToList(), directory, args, output);
        }

        var (model, spec, feeder, trials, points) = SweepSetup.From(args);
        if (feeder is null)
        {
            // Without data every point is priced by its spec's cost.accounting (with data the counts are measured and priced physically).
            foreach (var warning in NeuroSimStudyConfiguration.Warnings(points.Select(p => HardwareSpecLoader.ApplyOverrides(spec, p.Overrides))))
            {
                Console.Error.WriteLine(warning);
            }
        }

        var calibrates = feeder is not null && RepairOptions.AnyCalibrates(spec, args);
        if (SweepClusterOptions.Requested(args))
        {
            if (calibrates || args.Value(RepairOptions.Defects.Name) is not null)
            {
                throw ArgumentParser.Error("sweep", "--defects and repair.mode map+spares+calibrate run in local sweeps only; run the sweep without --slurm/--k8s");
            }

            return SweepSubmit.Run(args, new SweepSetup(model, spec, feeder, trials, points), directory, output);
        }

        var source = new SweepSource(model.Path, HardwareOptions.SpecPath(args, "sweep"),
            feeder is null ? "none (hardware only)" : $"{args.Value("data") ?? ProjectFiles.DefaultData} ({feeder.Count:N0} images)");
        var html = args.Has(HtmlOption.Name);
        var (shard, shards) = Shard(args.Value("shard"));
        var mine = SweepGrid.Shard(points, shard, shards);
        Directory.CreateDirectory(directory);
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        var rows = new List<SweepRow>();
        var clock = Stopwatch.StartNew();
        try
        {
            var setup = RepairOptions.Setup(args, spec, model, () => CrossbarMapper.Map(model.Graph, spec), args.Value("data") ?? ProjectFiles.DefaultData, "sweep", calibrates);
            var runner = new SweepRunner(model, spec, feeder, trials, setup: setup);
            foreach (var row in runner.Run(mine, (p, n) => Progress(p, rows.Count, n, clock.Elapsed), cancel.Token))
            {
                rows.Add(row);
                WriteAll(directory, rows, model.Path, includePlots: false, source);
            }
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }

        WriteAll(directory, rows, model.Path, includePlots: true, source, html);
        if (trials > 0)
        {
            PrintMonteCarlo(rows, output);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rows.Count} of {mine.Count} points{(shards > 1 ? $" (shard {shard}/{shards} of {points.Count})" : string.Empty)} in {clock.Elapsed.TotalSeconds:F1} s; results in {directory}"));
        return cancel.IsCancellationRequested ? 130 : 0;
    }

    private static int Merge(IReadOnlyList<string> inputs, string directory, ParsedArguments args, TextWriter output)
    {
        if (inputs.Count == 0)
        {
            throw ArgumentParser.Error("sweep", "sweep merge needs the shard directories");
        }

        var rows = new List<SweepRow>();
        foreach (var dir in inputs)
        {
            if (!File.Exists(Path.Combine(dir, "results.json")))
            {
                throw new DiagnosticException(Diagnostic.Error("BNN7002", "no results.json in this directory; expected the -o folder of a sweep shard", new SourceLocation(dir)));
            }

            try
            {
                rows.AddRange(SweepFiles.ReadJson(dir));
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException or InvalidOperationException or FormatException)
            {
                throw new DiagnosticException(Diagnostic.Error("BNN7002", $"results.json is not a sweep's results: {e.Message}", new SourceLocation(Path.Combine(dir, "results.json"))));
            }
        }

        var duplicate = rows.GroupBy(r => r.Index).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DiagnosticException(Diagnostic.Error("BNN7003", $"point {duplicate.Key} appears in more than one shard", new SourceLocation(string.Join(", ", inputs))));
        }

        Directory.CreateDirectory(directory);
        WriteAll(directory, rows.OrderBy(r => r.Index).ToList(), "merged sweep", includePlots: true, SweepFiles.ReadSource(inputs[0]), args.Has(HtmlOption.Name));
        output.WriteLine($"merged {rows.Count} points from {inputs.Count} shards into {directory}");
        return 0;
    }

    /// <summary>results.json/csv, report.md, the plots when <paramref name="includePlots"/>, and report.html when <paramref name="html"/>.</summary>
    internal static void WriteAll(string directory, IReadOnlyList<SweepRow> rows, string title, bool includePlots, SweepSource? source = null, bool html = false)
    {
        if (rows.Count == 0)
        {
            return;
        }

        OutputPaths.Guard(directory, () =>
        {
            SweepFiles.WriteJson(directory, rows, source);
            SweepFiles.WriteCsv(directory, rows);
            var plots = includePlots ? SweepPlots.Write(directory, rows, source) : [];
            SweepFiles.Write(Path.Combine(directory, "report.md"), SweepMarkdown.Build($"Sweep of {Path.GetFileName(title)}", rows, plots));
            if (html)
            {
                SweepFiles.WriteHtml(directory, $"Sweep of {Path.GetFileName(title)}", rows, source);
            }
        });
    }

    private static (int Index, int Count) Shard(string? text)
    {
        if (text is null)
        {
            return (0, 1);
        }

        var parts = text.Split('/');
        return parts.Length == 2 && int.TryParse(parts[0], out var i) && int.TryParse(parts[1], out var n) && n >= 1 && i >= 0 && i < n
            ? (i, n)
            : throw ArgumentParser.Error("sweep", $"--shard must be i/N with 0 ≤ i < N; got '{text}'");
    }

    /// <summary>One line per point: its knobs, trial 0's top-1 and the statistics over the trials.</summary>
    private static void PrintMonteCarlo(IReadOnlyList<SweepRow> rows, TextWriter output)
    {
        var knobs = rows.SelectMany(r => r.Knobs.Keys).Distinct().ToList();
        var table = new TextTable(["point", .. knobs, "trials", "mean top-1", "std (points)", "95 % CI (Student t)", "per trial"]);
        foreach (var r in rows.OrderBy(r => r.Index))
        {
            if (r.MonteCarlo is not { } m)
            {
                continue;
            }

            var ci = m.Ci95Low is { } lo && m.Ci95High is { } hi ? P($"[{lo:P2}, {hi:P2}]") : "-";
            table.Add([r.Index, .. knobs.Select(k => r.Knobs.GetValueOrDefault(k, string.Empty)), m.Trials, P($"{m.MeanTop1:P2}"),
                P($"{m.StdTop1 * 100:F2}"), ci, string.Join(" ", m.PerTrialTop1.Select(t => P($"{t:P2}").Replace(" ", string.Empty)))]);
        }

        output.Write(table.ToString());
    }

    private static string P(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void Progress(SweepPoint point, int done, int total, TimeSpan elapsed)
    {
        var left = done == 0 ? "?" : TimeSpan.FromSeconds(elapsed.TotalSeconds / done * (total - done)).ToString(@"mm\:ss", CultureInfo.InvariantCulture);
        Console.Error.WriteLine($"[{done + 1}/{total}] point {point.Index}: {point} (time left {left})");
    }
}
