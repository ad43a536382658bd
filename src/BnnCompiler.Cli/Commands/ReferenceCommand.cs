using System.Globalization;
using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Cli.Output;
using BnnCompiler.Data;
using BnnCompiler.Evaluation;

namespace BnnCompiler.Cli.Commands;

/// <summary>
/// <c>bnnc reference MODEL --data NAME|PATH [--layout nchw|nhwc] [--labels FILE] [--input-scale S] [--limit N]</c>: top-1 of ONNX Runtime and of the IR interpreter on
/// a dataset, and the count of predictions where they disagree.
/// </summary>
public static class ReferenceCommand
{
    public static CliCommand Command { get; } = new(
        "reference",
        "compare ONNX Runtime and the IR interpreter on a dataset",
        "bnnc reference MODEL --data mnist|fashion-mnist|PATH [--layout nchw|nhwc] [--labels FILE] [--input-scale S] [--limit N] [--json] [-o FILE]",
        [
            .. DataOptions.Specs("dataset name (" + string.Join(", ", DatasetCatalog.KnownNames) + ") or an IDX/.npy path", ProjectFiles.DefaultData),
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

        var model = DataOptions.LoadModel(args, "reference");
        var data = DataOptions.Load(args, model, "reference");
        var feeder = new SampleFeeder(model.Graph, data, model.Path);
        var result = ReferenceEvaluator.Compare(model, feeder, new ProgressBar(Console.Error, data.Count, "reference"));
        var report = new
        {
            Model = model.Path,
            model.Dialect,
            Data = data.Description,
            Input = feeder.Scaling,
            result.Samples,
            Labelled = data.HasLabels,
            OnnxRuntimeTop1 = Round(result.OnnxRuntimeTop1),
            InterpreterTop1 = Round(result.InterpreterTop1),
            Agreement = Math.Round(result.Agreement, 6),
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
            output.WriteLine($"input        {feeder.Scaling}");
            output.WriteLine(EvaluateCommand.Top1Line("ONNX Runtime top-1  ", result.OnnxRuntimeTop1, result.OnnxRuntimeCorrect, result.Samples));
            output.WriteLine(EvaluateCommand.Top1Line("IR interpreter top-1", result.InterpreterTop1, result.InterpreterCorrect, result.Samples));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"agreement            {result.Agreement:P2} ({result.Samples - result.Disagreements.Count}/{result.Samples})"));
            output.WriteLine($"disagreeing predictions {result.Disagreements.Count}");
        }

        return 0;
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 6) : null;
}
