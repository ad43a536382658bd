using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Cli.Output;
using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Zoo;

namespace BnnCompiler.Cli.Commands;

/// <summary>
/// <c>bnnc zoo generate NAME -o FILE [--seed S]</c>: writes one of the study's ImageNet architectures
/// (balexnet, bresnet18, bdensenet28) with seeded ±1 weights; <c>bnnc zoo list</c> names them.
/// </summary>
public static class ZooCommand
{
    public static CliCommand Command { get; } = new(
        "zoo",
        "generate the study's ImageNet BNN architectures as ONNX (zoo list | zoo generate NAME -o FILE)",
        "bnnc zoo list | bnnc zoo generate NAME -o FILE [--seed S]",
        [
            new OptionSpec("output", "the .onnx file to write", Alias: "o") { ValueName = "FILE" },
            OptionSpec.Integer("seed", "seed of the ±1 weights and BN parameters", int.MinValue, int.MaxValue, ImageNetZoo.DefaultSeed),
        ],
        2,
        Run);

    private static int Run(ParsedArguments args, TextWriter output)
    {
        var verb = args.Positionals.Count > 0 ? args.Positionals[0] : "list";
        if (verb == "list")
        {
            foreach (var name in ImageNetZoo.Names)
            {
                output.WriteLine(name);
            }

            return 0;
        }

        if (verb != "generate")
        {
            throw ArgumentParser.Error("zoo", $"unknown action '{verb}'; zoo accepts: list, generate");
        }

        var model = args.Positionals.Count > 1 ? args.Positionals[1]
            : throw ArgumentParser.Error("zoo", $"zoo generate needs a NAME; known: {string.Join(", ", ImageNetZoo.Names)}");
        if (!ImageNetZoo.Names.Contains(model))
        {
            throw new DiagnosticException(Diagnostic.Error("BNN1003",
                $"unknown zoo model '{model}'; known models: {string.Join(", ", ImageNetZoo.Names)}", new SourceLocation("bnnc zoo generate")));
        }

        var path = args.Value("output") ?? throw ArgumentParser.Error("zoo", "zoo generate needs -o FILE");
        var seed = ArgumentParser.Int(args, "seed", ImageNetZoo.DefaultSeed, int.MinValue, int.MaxValue, "zoo");
        OutputPaths.CheckFile(path);
        OutputPaths.Guard(path, () => ImageNetZoo.Generate(model, seed, path));
        output.WriteLine($"wrote {path} ({model}, seed {seed}, {new FileInfo(path).Length:N0} bytes)");
        return 0;
    }
}
