using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Onnx;

namespace BnnCompiler.Cli.Commands;

/// <summary>Options shared by the commands that read a model.</summary>
public static class ModelOptions
{
    public static OptionSpec MaxModelMb { get; } = OptionSpec.Integer("max-model-mb", "largest model file accepted, in MiB", 1, 2047, 2047);

    public static ImportedModel Load(ParsedArguments args, string command)
    {
        var path = args.Positionals.Count > 0 ? args.Positionals[0] : ProjectFiles.Find(ProjectFiles.DefaultModel)
            ?? throw new DiagnosticException(Diagnostic.Error("BNN1002",
                $"no MODEL given and the default model {ProjectFiles.DefaultModel} was not found", new SourceLocation($"bnnc {command}")));
        var capMb = ArgumentParser.Int(args, MaxModelMb.Name, 2047, 1, 2047, command);
        return OnnxFrontend.Load(path, (long)capMb * 1024 * 1024);
    }
}
