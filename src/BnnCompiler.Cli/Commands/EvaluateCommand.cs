using System.Globalization;
using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Cli.Output;
using BnnCompiler.Data;
using BnnCompiler.Evaluation;
using BnnCompiler.CostModel.Pricing;
using BnnCompiler.Hardware;
using BnnCompiler.Mapping;
using BnnCompiler.Simulator;

namespace BnnCompiler.Cli.Commands;

/// <summary>
/// <c>bnnc evaluate [MODEL] [--hw SPEC] [--data DATA] [--limit N] [--input-bits B] [--adc-bits A] [--set k=v]... [-o FILE]</c>:
/// simulates the model on the crossbar chip over a dataset and compares every prediction with ONNX Runtime.
/// With no arguments it runs the shipped default model, spec and dataset.
/// </summary>
public static class EvaluateCommand
{
    public static CliCommand Command { get; } = new(
        "evaluate",
        "simulate a model on the crossbar chip and compare it with ONNX Runtime",
        "bnnc evaluate [MODEL] [--hw SPEC] [--data DATA] [--limit N] [--input-bits B] [--adc-bits A] [--set k=v]... [-o report.json] [--json]",
        [
            .. HardwareOptions.All,
            new OptionSpec("data", $"dataset name or path (default {ProjectFiles.DefaultData})"),
            new OptionSpec("limit", "use only the first N images"),
            new OptionSpec("input-bits", "input precision of multi-bit inputs (same as --set readout.input_bits=B)"),
            new OptionSpec("adc-bits", "ADC resolution (same as --set readout.adc_bits=A)"),
            new OptionSpec("output", "write the JSON report to FILE", Alias: "o"),
            new OptionSpec("json", "print the JSON report instead of text", TakesValue: false),
            ModelOptions.MaxModelMb,
        ],
        1,
        Run);

    private static int Run(ParsedArguments args, TextWriter output)
    {
        var spec = LoadSpec(args);
        var model = ModelOptions.Load(args, "evaluate");
        var data = DatasetCatalog.Load(args.Value("data") ?? ProjectFiles.DefaultData);
        var limit = ArgumentParser.Int(args, "limit", data.Count, 1, int.MaxValue, "evaluate");
        data = data.Take(Math.Min(limit, data.Count));
        var feeder = new SampleFeeder(model.Graph, data, model.Path);
        var mapping = CrossbarMapper.Map(model.Graph, spec);
        var simulator = new FunctionalSimulator(model.Graph, spec);
        var accuracy = AccuracyEvaluator.Run(model, simulator, feeder, new ProgressBar(Console.Error, data.Count, "evaluate"));
        var (counts, timing, cycles) = MeasuredActivity.From(mapping, simulator);
        var cost = BnnCompiler.CostModel.Pricing.CostModel.Price(mapping, counts, timing, CostOptions.Default);
        var report = EvaluationReport.Build(model, spec, data, simulator, accuracy, cost, cycles);
        var json = Json.Serialize(report);
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
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ONNX Runtime top-1   {accuracy.ReferenceTop1:P2} ({accuracy.ReferenceCorrect}/{accuracy.Samples})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"simulated top-1      {accuracy.SimulatedTop1:P2} ({accuracy.SimulatedCorrect}/{accuracy.Samples})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"agreement            {accuracy.Agreement:P2} ({accuracy.Agreeing}/{accuracy.Samples}){(simulator.IsExact ? " (exact read-out)" : string.Empty)}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"latency              {cycles.LatencyNs / 1000:F3} µs per image ({cycles.LatencyCycles:N0} cycles of {cycles.ClockPeriodNs:F3} ns); {cycles.ImagesPerSecond:F0} images/s pipelined"));
        output.WriteLine();
        CostCommand.Print(cost, output);
        return 0;
    }

    /// <summary>The spec with --input-bits and --adc-bits applied as overrides (validated like --set).</summary>
    public static HardwareSpec LoadSpec(ParsedArguments args)
    {
        var spec = HardwareOptions.Load(args, "evaluate");
        var extra = new List<string>();
        if (args.Value("input-bits") is { } inputBits)
        {
            extra.Add($"readout.input_bits={inputBits}");
        }

        if (args.Value("adc-bits") is { } adcBits)
        {
            extra.Add($"readout.adc_bits={adcBits}");
        }

        return extra.Count == 0 ? spec : HardwareSpecLoader.ApplyOverrides(spec, extra);
    }
}
