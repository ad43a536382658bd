using System.Globalization;
using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Cli.Output;
using BnnCompiler.Core.Units;
using BnnCompiler.Evaluation;
using BnnCompiler.Evaluation.NeuroSim;
using BnnCompiler.Evaluation.Pipeline;
using BnnCompiler.Hardware;
using BnnCompiler.CostModel.Report;
using BnnCompiler.Reports.Schemas;

namespace BnnCompiler.Cli.Commands;

/// <summary>
/// <c>bnnc cost MODEL [--hw SPEC] [--set k=v ...] [--latency engine|analytical] [--json]</c>: maps the model and prices
/// it with analytically estimated activity (no dataset) and the timing engine's latency: area, latency, energy,
/// throughput, per layer and for the chip, and the bottlenecks.
/// </summary>
public static class CostCommand
{
    public static CliCommand Command { get; } = new(
        "cost",
        "price a model on the chip: area, latency, energy and throughput, without a dataset",
        "bnnc cost MODEL [--hw SPEC] [--set key=value ...] [--adc-bits A] [--input-bits B] [--latency engine|analytical] [--json] [--compare-neurosim FILE] [--trace FILE [--trace-images N]]",
        [
            new OptionSpec("json", "print JSON instead of a table", TakesValue: false),
            OptionSpec.Choice("latency", "engine: the cycle-level timing engine running the compiled program; analytical: the cost model's stage sums", ["engine", "analytical"], "engine"),
            .. HardwareOptions.All,
            NeuroSimComparisonPrinter.Option,
            .. TraceOption.Specs,
            .. ModelOptions.All,
        ],
        1,
        Run);

    private static int Run(ParsedArguments args, TextWriter output)
    {
        var latency = args.Value("latency") switch
        {
            null or "engine" => LatencyModel.Engine,
            "analytical" => LatencyModel.Analytical,
            var other => throw ArgumentParser.Error("cost", $"--latency must be 'engine' or 'analytical'; got '{other}'"),
        };
        var trace = TraceOption.Read(args, "cost");
        var model = ModelOptions.Load(args, "cost");
        var spec = HardwareOptions.Load(args, "cost");
        if ((spec.Cost.Accounting == CostAccounting.NeuroSimV13 || args.Has(NeuroSimComparisonPrinter.Option.Name))
            && NeuroSimStudyConfiguration.Check(spec) is { } departure)
        {
            Console.Error.WriteLine(departure);
        }

        var pipeline = new EvaluationPipeline(model, null);
        var report = pipeline.Estimate(spec, latency);
        if (trace is { } request)
        {
            TraceOption.Write(request, EvaluationPipeline.Compile(pipeline.Map(spec)));
        }

        if (args.Has("json"))
        {
            var options = new System.Text.Json.JsonSerializerOptions { WriteIndented = true };
            output.WriteLine(ReportSchemas.Stamp(ReportSchemas.Cost, System.Text.Json.JsonSerializer.SerializeToNode(report, options)).ToJsonString(options));
            return 0;
        }

        Print(report, output);
        NeuroSimComparisonPrinter.PrintIfAsked(args, accounting => accounting == spec.Cost.Accounting
            ? report
            : pipeline.Estimate(spec with { Cost = new CostSpec { Accounting = accounting } }, latency), output);
        return 0;
    }

    /// <summary>The human-readable report: chip figures, breakdowns, bottlenecks and the per-layer table.</summary>
    public static void Print(CostReport r, TextWriter output)
    {
        var c = r.Cost;
        output.WriteLine(F($"model    {r.Model}  ({r.Spec}, {r.TechnologyNm} nm, ADC {r.AdcBits} bits, clock {r.ClockPeriodNs:F3} ns)"));
        output.WriteLine($"activity {r.CountsSource}");
        output.WriteLine($"timing   {r.TimingSource}");
        output.WriteLine();
        output.WriteLine(F($"area     {ScaledUnits.Area(c.AreaMm2.Total),13}   {Parts(c.AreaMm2.Breakdown, c.AreaMm2.Total)}"));
        output.WriteLine(F($"latency  {ScaledUnits.TimeFromMs(c.LatencyMs.Total),13}   {Parts(c.LatencyMs.Breakdown, c.LatencyMs.Total)}"));
        output.WriteLine(F($"energy   {ScaledUnits.Energy(c.EnergyUj.Dynamic),13}   dynamic ({Parts(c.EnergyUj.Breakdown, c.EnergyUj.Dynamic)}) + {ScaledUnits.Energy(c.EnergyUj.Leakage)} leakage"));
        output.WriteLine($"         {ScaledUnits.Significant(c.Tops)} TOPS, {ScaledUnits.Significant(c.TopsPerW)} TOPS/W, {ScaledUnits.Significant(c.Fps)} images/s, {ScaledUnits.Significant(c.TopsPerMm2)} TOPS/mm²");
        output.WriteLine();
        var b = r.Bottleneck;
        output.WriteLine($"bottleneck: area {b.AreaComponent} ({string.Join(", ", b.AreaLayers)}); latency {b.LatencyComponent} ({string.Join(", ", b.LatencyLayers)}); energy {b.EnergyComponent} ({string.Join(", ", b.EnergyLayers)})");
        output.WriteLine();
        var table = new TextTable("layer", "area", "stage", "energy", "TOPS", "top area", "top latency", "top energy");
        foreach (var l in r.Layers)
        {
            table.Add(l.Name ?? "", ScaledUnits.Area(l.AreaMm2.Total), ScaledUnits.TimeFromMs(l.LatencyMs.Total), ScaledUnits.Energy(l.EnergyUj.Total), ScaledUnits.Significant(l.Tops),
                l.AreaMm2.Breakdown.Dominant, l.LatencyMs.Breakdown.Dominant, l.EnergyUj.Breakdown.Dominant);
        }

        output.Write(table);
    }

    private static string Parts(Breakdown b, double total) =>
        string.Join(", ", b.Items.Where(i => i.Value > 0).OrderByDescending(i => i.Value)
            .Select(i => F($"{i.Name} {100 * i.Value / Math.Max(total, 1e-300):F0}%")));

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
