using System.Globalization;
using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Cli.Output;
using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Data;
using BnnCompiler.Evaluation;
using BnnCompiler.Evaluation.NeuroSim;
using BnnCompiler.Evaluation.Sweep;
using BnnCompiler.Hardware;
using BnnCompiler.Onnx;
using BnnCompiler.Reports;
using BnnCompiler.Zoo;

namespace BnnCompiler.Cli.Commands;

/// <summary>
/// <c>bnnc study [--hw SPEC] [--set k=v]... [--adc-bits 3..8] [--input-bits 1..8] [--limit N] -o DIR</c>: the seed
/// study in one command. The three ImageNet architectures are generated into DIR/models and priced at ADC 3–8 with
/// 1-bit inputs (the study's hardware tables); the trained CNNs are swept over input 1–8 × ADC 3–8 on their test
/// sets (the accuracy grid). --adc-bits and --input-bits narrow or widen those axes; --set fixes spec keys.
/// Each part is a sweep folder (results, report.md, plots) under DIR.
/// </summary>
public static class StudyCommand
{
    /// <summary>The trained CNNs and their test sets.</summary>
    public static readonly IReadOnlyList<(string Model, string Data)> AccuracyModels =
    [
        ("onnx-models/fmnist-cnn.onnx", "fashion-mnist"),
        ("onnx-models/mnist-cnn.onnx", "mnist-heldout"),
    ];

    /// <summary>The study's ADC axis.</summary>
    public const string StudyAdcBits = "3..8";

    /// <summary>The study's input-precision axis of the accuracy grids.</summary>
    public const string StudyInputBits = "1..8";

    public static CliCommand Command { get; } = new(
        "study",
        "run the study: ImageNet hardware tables at ADC 3-8 and the accuracy grid of the trained CNNs",
        "bnnc study [--hw SPEC] [--set key=value ...] [--adc-bits 3..8] [--input-bits 1..8] [--limit N] -o DIR",
        [
            HardwareOptions.Hw,
            HardwareOptions.Set,
            .. HardwareOptions.SweepAll(StudyAdcBits, StudyInputBits).Skip(2),
            LimitOption.Spec("use only the first N test images for the accuracy grids"),
            ModelOptions.VerifyEach,
            ModelOptions.VerifyOutputs,
            new OptionSpec("output", "output directory", Alias: "o") { ValueName = "DIR" },
        ],
        0,
        Run);

    private static int Run(ParsedArguments args, TextWriter output)
    {
        var directory = args.Value("output") ?? throw ArgumentParser.Error("study", "study needs -o DIR");
        var spec = HardwareSpecLoader.Load(HardwareOptions.SpecPath(args, "study"), args.Values(HardwareOptions.Set.Name));

        // The hardware grids are priced by the spec's cost.accounting (the accuracy grids measure their counts and price them physically).
        foreach (var warning in NeuroSimStudyConfiguration.Warnings([spec]))
        {
            Console.Error.WriteLine(warning);
        }

        OutputPaths.CheckDirectory(directory);
        var adcBits = args.Value(HardwareOptions.AdcBits.Name) ?? StudyAdcBits;
        var inputBits = args.Value(HardwareOptions.InputBits.Name) ?? StudyInputBits;
        var modelsDir = Path.Combine(directory, "models");
        OutputPaths.CheckDirectory(modelsDir);
        var hardwareGrid = SweepGrid.Build([(SweepTable.InputBitsKey, "1"), (SweepTable.AdcBitsKey, adcBits)]);
        foreach (var name in ImageNetZoo.Names)
        {
            var path = Path.Combine(modelsDir, name + ".onnx");
            if (!File.Exists(path))
            {
                OutputPaths.Guard(path, () => ImageNetZoo.Generate(name, ImageNetZoo.DefaultSeed, path));
            }

            Sweep(output, ModelOptions.Open(path, args, "study"), spec, null, hardwareGrid, Path.Combine(directory, name), $"{name}: hardware at ADC {adcBits}, 1-bit inputs",
                new SweepSource(path, spec.SourcePath, "none (hardware only)"));
        }

        var accuracyGrid = SweepGrid.Build([(SweepTable.InputBitsKey, inputBits), (SweepTable.AdcBitsKey, adcBits)]);
        foreach (var (relative, dataName) in AccuracyModels)
        {
            var path = ProjectFiles.Find(relative) ?? throw new DiagnosticException(Diagnostic.Error("BNN1002",
                $"trained model {relative} not found", new SourceLocation("bnnc study")));
            var model = ModelOptions.Open(path, args, "study");
            var data = DatasetCatalog.Load(dataName);
            data = LimitOption.Apply(args, data, "study");
            Sweep(output, model, spec, new SampleFeeder(model.Graph, data, path), accuracyGrid,
                Path.Combine(directory, Path.GetFileNameWithoutExtension(path)), $"{Path.GetFileName(path)}: accuracy on {data.Name}",
                new SweepSource(path, spec.SourcePath, $"{data.Name} ({data.Count:N0} images)"));
        }

        output.WriteLine($"study written to {directory}");
        return 0;
    }

    private static void Sweep(TextWriter output, ImportedModel model, HardwareSpec spec, SampleFeeder? feeder, IReadOnlyList<SweepPoint> points, string directory, string title, SweepSource source)
    {
        OutputPaths.CheckDirectory(directory);
        var rows = new SweepRunner(model, spec, feeder)
            .Run(points, (p, n) => Console.Error.WriteLine($"{title}: point {p.Index + 1}/{n} ({p})"))
            .ToList();
        OutputPaths.Guard(directory, () =>
        {
            SweepFiles.WriteJson(directory, rows, source);
            SweepFiles.WriteCsv(directory, rows);
            var plots = SweepPlots.Write(directory, rows, source);
            SweepFiles.Write(Path.Combine(directory, "report.md"), SweepMarkdown.Build(title, rows, plots));
            SweepFiles.WriteHtml(directory, title, rows, source);
        });
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{title}: {rows.Count} points in {directory}"));
    }
}
