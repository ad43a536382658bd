using System.Globalization;
using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Cli.Output;
using BnnCompiler.Core.Units;
using BnnCompiler.Data;
using BnnCompiler.Evaluation;
using BnnCompiler.Evaluation.MonteCarlo;
using BnnCompiler.Evaluation.Pipeline;
using BnnCompiler.Hardware;
using BnnCompiler.Mapping;
using BnnCompiler.Reports.Schemas;
using BnnCompiler.Simulator;

namespace BnnCompiler.Cli.Commands;

/// <summary>
/// <c>bnnc evaluate [MODEL] [--hw SPEC] [--data DATA] [--layout nchw|nhwc] [--labels FILE] [--input-scale S] [--limit N] [--input-bits B] [--adc-bits A] [--set k=v]...
/// [--trials N] [--seed S] [--ablate] [-o FILE]</c>: simulates the model on the crossbar chip over a dataset and
/// compares every prediction with ONNX Runtime. With no arguments it runs the shipped default model, spec and
/// dataset. <c>--trials N</c> adds N Monte-Carlo trials of the non-idealities (trial 0 is the run that is
/// priced); <c>--ablate</c> adds the accuracy lost to each non-ideal effect alone and to all together.
/// </summary>
public static class EvaluateCommand
{
    /// <summary>Most Monte-Carlo trials one run accepts.</summary>
    public const int MaxTrials = 10_000;

    // Declared before Command, which reads them during static initialisation.
    /// <summary><c>--trials N</c>, shared with <c>bnnc sweep</c>.</summary>
    public static OptionSpec Trials { get; } = OptionSpec.Integer("trials", "Monte-Carlo trials of the non-idealities (trial t draws from seed + t)", 1, MaxTrials);

    /// <summary><c>--seed S</c>, shared with <c>bnnc sweep</c>.</summary>
    public static OptionSpec Seed { get; } = OptionSpec.Integer("seed", "seed of the non-ideal draws (default: the spec's non_idealities.seed)", 0, int.MaxValue);

    public static CliCommand Command { get; } = new(
        "evaluate",
        "simulate a model on the crossbar chip and compare it with ONNX Runtime",
        "bnnc evaluate [MODEL] [--hw SPEC] [--data DATA] [--layout nchw|nhwc] [--labels FILE] [--input-scale S] [--limit N] [--input-bits B] [--adc-bits A] [--set k=v]... [--trials N] [--seed S] [--ablate] [--repair MODE] [--defects FILE] [--calibration DATA] [-o report.json] [--json] [--trace FILE [--trace-images N]]",
        [
            .. HardwareOptions.All,
            .. DataOptions.Specs("dataset name or IDX/.npy path", ProjectFiles.DefaultData),
            Trials,
            Seed,
            new OptionSpec("ablate", "also report the accuracy lost to each non-ideal effect alone and to all together", TakesValue: false),
            new OptionSpec("output", "write the JSON report to FILE", Alias: "o") { ValueName = "FILE" },
            new OptionSpec("json", "print the JSON report instead of text", TakesValue: false),
            .. TraceOption.Specs,
            .. RepairOptions.All,
            .. ModelOptions.All,
        ],
        1,
        Run);

    private static int Run(ParsedArguments args, TextWriter output)
    {
        if (args.Value("output") is { } outputPath)
        {
            OutputPaths.CheckFile(outputPath);
        }

        var spec = LoadSpec(args);
        RepairOptions.CheckSpares(spec);
        var trials = ArgumentParser.Int(args, Trials.Name, 0, 1, MaxTrials, "evaluate");
        var ablate = args.Has("ablate");
        var trace = TraceOption.Read(args, "evaluate");
        var model = DataOptions.LoadModel(args, "evaluate");
        var data = DataOptions.Load(args, model, "evaluate");
        var feeder = new SampleFeeder(model.Graph, data, model.Path);
        // A defect map is checked against the mapped chip; the pipeline keeps that mapping instead of mapping again.
        var plain = new EvaluationPipeline(model, feeder);
        var setup = RepairOptions.Setup(args, spec, model, () => plain.Map(spec), args.Value("data") ?? ProjectFiles.DefaultData, "evaluate");
        var pipeline = plain.With(setup);
        var run = pipeline.Evaluate(spec, new ProgressBar(Console.Error, data.Count, "evaluate"));
        var (simulator, accuracy, cost, cycles) = (run.Simulator, run.Accuracy, run.Cost, run.Activity.Cycles);
        MonteCarloResult? monteCarlo = null;
        IReadOnlyList<AblationRow>? ablation = null;
        if (trials > 0 || ablate)
        {
            // Trial 0 is the run above; the others share its ONNX Runtime predictions.
            var n = Math.Max(1, trials);
            monteCarlo = pipeline.Trials(spec, n, accuracy.SimulatedPredictions, new ProgressBar(Console.Error, (n - 1) * data.Count, "trials"));
            if (ablate)
            {
                ablation = AblationRunner.Run(model.Graph, spec, feeder, n, accuracy.ReferencePredictions, monteCarlo,
                    effect => Console.Error.WriteLine($"ablation: {effect}"), setup);
            }
        }

        if (trace is { } request)
        {
            TraceOption.Write(request, run.Program);
        }

        var report = EvaluationReport.Build(model, spec, data, simulator, accuracy, cost, cycles, monteCarlo, ablation);
        var json = Json.Serialize(ReportSchemas.Stamp(ReportSchemas.Evaluate, System.Text.Json.JsonSerializer.SerializeToNode(report, Json.Options)));
        if (args.Value("output") is { } path)
        {
            AtomicFile.WriteAllText(path, json);
        }

        if (args.Has("json"))
        {
            output.WriteLine(json);
            return 0;
        }

        output.WriteLine($"model      {model.Path} ({model.Dialect})");
        output.WriteLine($"hardware   {spec.SourcePath}: {spec.Cell.Type} {spec.Subarray.Rows}x{spec.Subarray.Columns}, ADC {spec.Readout.AdcBits} bits {spec.Readout.AdcKind}, input {spec.Readout.InputBits} bits {spec.Readout.InputQuantization}");
        output.WriteLine($"data       {data.Description}");
        output.WriteLine($"input      {feeder.Scaling}");
        output.WriteLine(Top1Line("ONNX Runtime top-1  ", accuracy.ReferenceTop1, accuracy.ReferenceCorrect, accuracy.Samples));
        output.WriteLine(Top1Line("simulated top-1     ", accuracy.SimulatedTop1, accuracy.SimulatedCorrect, accuracy.Samples));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"agreement            {accuracy.Agreement:P2} ({accuracy.Agreeing}/{accuracy.Samples}){(simulator.IsExact ? " (exact read-out)" : string.Empty)}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"one image end to end {ScaledUnits.Time(cycles.LatencyNs)} ({cycles.LatencyCycles:N0} cycles of {cycles.ClockPeriodNs:F3} ns); pipelined, one image every {ScaledUnits.Time(cycles.IntervalNs)} ({cycles.ImagesPerSecond:F0} images/s)"));
        EvaluationReport.PrintRepair(spec, simulator, output);
        if (monteCarlo is not null)
        {
            EvaluationReport.PrintMonteCarlo(monteCarlo, output);
        }

        if (ablation is not null)
        {
            EvaluationReport.PrintAblation(ablation, monteCarlo!.Trials.Count, output);
        }

        output.WriteLine();
        CostCommand.Print(cost, output);
        return 0;
    }

    /// <summary>A top-1 line of the text reports, or a note that the images have no labels.</summary>
    public static string Top1Line(string label, double? top1, int? correct, int samples) => top1 is { } t
        ? string.Create(CultureInfo.InvariantCulture, $"{label} {t:P2} ({correct}/{samples})")
        : $"{label} - (the images have no labels; agreement with ONNX Runtime only)";

    /// <summary>The spec with --set, --input-bits and --adc-bits applied, and --seed in place of <c>non_idealities.seed</c>.</summary>
    public static HardwareSpec LoadSpec(ParsedArguments args) =>
        WithSeed(HardwareOptions.Load(args, "evaluate", RepairOptions.Overrides(args)), args, "evaluate");

    /// <summary>The spec with <c>--seed S</c> (0 to 2³¹ − 1) as its <c>non_idealities.seed</c>; unchanged without --seed.</summary>
    public static HardwareSpec WithSeed(HardwareSpec spec, ParsedArguments args, string command) =>
        args.Value(Seed.Name) is null
            ? spec
            : spec with { NonIdealities = spec.NonIdealities with { Seed = ArgumentParser.Int(args, Seed.Name, 0, 0, int.MaxValue, command) } };
}
