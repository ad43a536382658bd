using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Onnx;
using BnnCompiler.Onnx.Checking;

namespace BnnCompiler.Cli.Commands;

/// <summary>Options shared by the commands that read a model: the resource caps the ONNX checker applies.</summary>
public static class ModelOptions
{
    /// <summary>Largest --max-elements accepted: 2^31 − 1, the most one tensor may hold.</summary>
    public const long MaxElementsCap = int.MaxValue;

    public static OptionSpec MaxModelMb { get; } = OptionSpec.Integer("max-model-mb", "largest model file accepted, in MiB", 1, 2047, 2047);

    public static OptionSpec MaxElements { get; } =
        OptionSpec.Integer("max-elements", "most elements one tensor of the model may hold", 1, MaxElementsCap, ModelLimits.DefaultMaxElements);

    public static IReadOnlyList<OptionSpec> All { get; } = [MaxModelMb, MaxElements];

    /// <summary>
    /// Loads MODEL (or the default model), with the image input scaled by <paramref name="inputScale"/> when given, prints
    /// the import's warnings to standard error, and returns it.
    /// </summary>
    public static ImportedModel Load(ParsedArguments args, string command, float? inputScale = null)
    {
        var path = args.Positionals.Count > 0 ? args.Positionals[0] : ProjectFiles.Find(ProjectFiles.DefaultModel)
            ?? throw new DiagnosticException(Diagnostic.Error("BNN1002",
                $"no MODEL given and the default model {ProjectFiles.DefaultModel} was not found", new SourceLocation($"bnnc {command}")));
        var model = OnnxFrontend.Load(path, Limits(args, command), inputScale: inputScale);
        foreach (var warning in model.Warnings)
        {
            Console.Error.WriteLine(warning);
        }

        return model;
    }

    /// <summary>The caps from --max-model-mb and --max-elements (each validated).</summary>
    public static ModelLimits Limits(ParsedArguments args, string command)
    {
        var capMb = ArgumentParser.Int(args, MaxModelMb.Name, 2047, 1, 2047, command);
        var elements = ArgumentParser.Int(args, MaxElements.Name, (int)ModelLimits.DefaultMaxElements, 1, (int)MaxElementsCap, command);
        return new ModelLimits((long)capMb * 1024 * 1024, elements);
    }
}
