using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Onnx;
using BnnCompiler.Onnx.Checking;
using BnnCompiler.Passes;

namespace BnnCompiler.Cli.Commands;

/// <summary>Options shared by the commands that read a model: the resource caps the ONNX checker applies.</summary>
public static class ModelOptions
{
    /// <summary>Largest --max-elements accepted: 2^31 − 1, the most one tensor may hold.</summary>
    public const long MaxElementsCap = int.MaxValue;

    public static OptionSpec MaxModelMb { get; } = OptionSpec.Integer("max-model-mb", "largest model file accepted, in MiB", 1, 2047, 2047);

    public static OptionSpec MaxElements { get; } =
        OptionSpec.Integer("max-elements", "most elements one tensor of the model may hold", 1, MaxElementsCap, ModelLimits.DefaultMaxElements);

    public static OptionSpec VerifyEach { get; } = OptionSpec.Flag("verify-each",
        "check the IR after import and after every pass that changed it (one producer per value, no dangling values, order, shapes, code tables); always on in Debug builds");

    public static OptionSpec VerifyOutputs { get; } = OptionSpec.Integer("verify-outputs",
        "with the checks of --verify-each, also run the interpreter on N seeded inputs before the passes and after each, and require bit-identical outputs", 0, 1000, 0);

    public static IReadOnlyList<OptionSpec> All { get; } = [MaxModelMb, MaxElements, VerifyEach, VerifyOutputs];

    /// <summary>
    /// Loads MODEL (or the default model), with the image input scaled by <paramref name="inputScale"/> when given, prints
    /// the import's warnings to standard error, and returns it.
    /// </summary>
    public static ImportedModel Load(ParsedArguments args, string command, float? inputScale = null, int positional = 0)
    {
        var path = args.Positionals.Count > positional ? args.Positionals[positional] : ProjectFiles.Find(ProjectFiles.DefaultModel)
            ?? throw new DiagnosticException(Diagnostic.Error("BNN1002",
                $"no MODEL given and the default model {ProjectFiles.DefaultModel} was not found", new SourceLocation($"bnnc {command}")));
        var model = Open(path, args, command, inputScale);
        foreach (var warning in model.Warnings)
        {
            Console.Error.WriteLine(warning);
        }

        return model;
    }

    /// <summary>Loads the model at <paramref name="path"/> with the caps and pass checks the options ask for.</summary>
    public static ImportedModel Open(string path, ParsedArguments args, string command, float? inputScale = null)
    {
        var checks = Checks(args, command);
        var model = OnnxFrontend.Load(path, Limits(args, command), inputScale: inputScale, checks: checks);
        if (checks.Structure)
        {
            var outputs = checks.InterpreterSamples > 0 ? $"; interpreter outputs identical on {checks.InterpreterSamples} seeded inputs" : string.Empty;
            Console.Error.WriteLine($"{path}: IR verified after import and after each of {model.PassRuns} pass runs that changed it{outputs}");
        }

        return model;
    }

    /// <summary>The checks after every pass: --verify-each, --verify-outputs N, or the build's default.</summary>
    public static PassChecks Checks(ParsedArguments args, string command)
    {
        var samples = ArgumentParser.Int(args, VerifyOutputs.Name, 0, 0, 1000, command);
        var structure = args.Has(VerifyEach.Name) || samples > 0 || PassChecks.BuildDefault.Structure;
        return new PassChecks(structure, samples);
    }

    /// <summary>The caps from --max-model-mb and --max-elements (each validated).</summary>
    public static ModelLimits Limits(ParsedArguments args, string command)
    {
        var capMb = ArgumentParser.Int(args, MaxModelMb.Name, 2047, 1, 2047, command);
        var elements = ArgumentParser.Int(args, MaxElements.Name, (int)ModelLimits.DefaultMaxElements, 1, (int)MaxElementsCap, command);
        return new ModelLimits((long)capMb * 1024 * 1024, elements);
    }
}
