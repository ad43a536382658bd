using System.Globalization;
using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Cli.Output;
using BnnCompiler.Data;
using BnnCompiler.Evaluation;

namespace BnnCompiler.Cli.Commands;

/// <summary>
/// <c>bnnc reference MODEL --data NAME|PATH [--limit N]</c>: top-1 of ONNX Runtime and of the IR interpreter on
/// a dataset, and the count of predictions where they disagree.
/// </summary>
public static class ReferenceCommand
{
    public static CliCommand Command { get; } = new(
        "reference",
        "compare ONNX Runtime and the IR interpreter on a dataset",
        "bnnc reference MODEL --data mnist|fashion-mnist|PATH [--limit N] [--json] [-o FILE]",
        [
            new OptionSpec("data", "dataset name (" + string.Join(", ", DatasetCatalog.KnownNames) + ") or an IDX/.npy path"),
            LimitOption.Spec(),
            new OptionSpec("json", "print JSON instead of text", TakesValue: false),
            new OptionSpec("output", "also write the JSON report to FILE", Alias: "o") { ValueName = "FILE" },
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

        var model = ModelOptions.Load(args, "reference");
        var data = DatasetCatalog.Load(args.Value("data") ?? ProjectFiles.DefaultData);
        data = LimitOption.Apply(args, data, "reference");
        var feeder = new SampleFeeder(model.Graph, data, model.Path);
        var result = ReferenceEvaluator.Compare(model, feeder, new ProgressBar(Console.Error, data.Count, "reference"));
        var report = new
        {
            Model = model.Path,
            model.Dialect,
            Data = data.Description,
            result.Samples,
            OnnxRuntimeTop1 = Math.Round(result.OnnxRuntimeTop1, 6),
            InterpreterTop1 = Math.Round(result.InterpreterTop1, 6),
            DisagreeingPredictions = result.Disagreements.Count,
            DisagreeingSamples = result.Disagreements.Take(100).ToList(),
        };
        var json = Json.Serialize(report);
        if (args.Value("output") is { } path)
        {
            AtomicFile.WriteAllText(path, json);
        }

        if (args.Has("json"))
        {
            output.WriteLine(json);
        }
        else
        {
            output.WriteLine($"model        {model.Path} ({model.Dialect})");
            output.WriteLine($"data         {data.Description}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ONNX Runtime top-1   {result.OnnxRuntimeTop1:P2} ({result.OnnxRuntimeCorrect}/{result.Samples})"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"IR interpreter top-1 {result.InterpreterTop1:P2} ({result.InterpreterCorrect}/{result.Samples})"));
            output.WriteLine($"disagreeing predictions {result.Disagreements.Count}");
        }

        return 0;
    }
}
