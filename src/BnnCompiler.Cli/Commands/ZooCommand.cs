using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Cli.Output;
using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Zoo;

namespace BnnCompiler.Cli.Commands;

/// <summary>
/// <c>bnnc zoo generate NAME -o FILE [--seed S]</c>: writes one of the study's ImageNet architectures
/// (balexnet, bresnet18, bdensenet28), one of the NeuroSim comparison networks (ns-mlp1 …) or the CIFAR-sized VGG-8
/// (vgg8) with seeded ±1 weights; <c>bnnc zoo list</c> names them.
/// </summary>
public static class ZooCommand
{
    public static CliCommand Command { get; } = new(
        "zoo",
        "generate the study's ImageNet BNN architectures, the NeuroSim comparison networks or VGG-8 on 32×32×3 as ONNX (zoo list | zoo generate NAME -o FILE)",
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

            foreach (var name in ComparisonZoo.Names)
            {
                output.WriteLine($"{name,-12} {ComparisonZoo.Describe(name)}");
            }

            foreach (var name in VggZoo.Names)
            {
                output.WriteLine($"{name,-12} {VggZoo.Describe(name)}");
            }

            return 0;
        }

        if (verb != "generate")
        {
            throw ArgumentParser.Error("zoo", $"unknown action '{verb}'; zoo accepts: list, generate");
        }

        var model = args.Positionals.Count > 1 ? args.Positionals[1]
            : throw ArgumentParser.Error("zoo", $"zoo generate needs a NAME; known: {string.Join(", ", ImageNetZoo.Names)}");
        var comparison = ComparisonZoo.Names.Contains(model);
        var vgg = VggZoo.Names.Contains(model);
        if (!ImageNetZoo.Names.Contains(model) && !comparison && !vgg)
        {
            throw new DiagnosticException(Diagnostic.Error("BNN1003",
                $"unknown zoo model '{model}'; known models: {string.Join(", ", ImageNetZoo.Names.Concat(ComparisonZoo.Names).Concat(VggZoo.Names))}", new SourceLocation("bnnc zoo generate")));
        }

        var path = args.Value("output") ?? throw ArgumentParser.Error("zoo", "zoo generate needs -o FILE");
        var seed = ArgumentParser.Int(args, "seed", ImageNetZoo.DefaultSeed, int.MinValue, int.MaxValue, "zoo");
        OutputPaths.CheckFile(path);
        OutputPaths.Guard(path, () =>
        {
            if (comparison)
            {
                ComparisonZoo.Generate(model, seed, path);
            }
            else if (vgg)
            {
                VggZoo.Generate(model, seed, path);
            }
            else
            {
                ImageNetZoo.Generate(model, seed, path);
            }
        });
        output.WriteLine($"wrote {path} ({model}, seed {seed}, {new FileInfo(path).Length:N0} bytes)");
        return 0;
    }
}
