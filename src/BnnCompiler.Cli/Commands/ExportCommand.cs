using System.Globalization;
using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Cli.Output;
using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Data;
using BnnCompiler.Evaluation;
using BnnCompiler.Evaluation.NeuroSim;
using BnnCompiler.Mapping;

namespace BnnCompiler.Cli.Commands;

/// <summary>
/// <c>bnnc export neurosim MODEL [--hw SPEC] [--set k=v ...] [--data DATA [--layout nchw|nhwc] [--input-scale S] [--image I] | --seed S] -o DIR</c>: writes
/// NeuroSim V1.3's inputs for the mapped chip (NetWork.csv, per-layer weight and input traces, the Param.cpp values the
/// spec implies and the command that runs it).
/// </summary>
public static class ExportCommand
{
    public static CliCommand Command { get; } = new(
        "export",
        "write another simulator's inputs for the mapped chip (export neurosim: NeuroSim V1.3's network, traces and parameters)",
        "bnnc export neurosim MODEL [--hw SPEC] [--set key=value ...] [--adc-bits A] [--input-bits B] [--data DATA [--layout nchw|nhwc] [--input-scale S] [--image I] | --seed S] -o DIR",
        [
            .. HardwareOptions.All,
            new OptionSpec("data", "trace the simulator's activations on one image of this dataset (" + string.Join(", ", DatasetCatalog.KnownNames) + ", or an IDX/.npy path)"),
            DataOptions.Layout,
            DataOptions.InputScale,
            OptionSpec.Integer("image", "index of the image to trace in --data", 0, int.MaxValue, 0),
            OptionSpec.Integer("seed", "without --data: seed of the Bernoulli(0.5) input bits", int.MinValue, int.MaxValue, 1),
            new OptionSpec("output", "the folder to write", Alias: "o") { ValueName = "DIR" },
            .. ModelOptions.All,
        ],
        2,
        Run);

    private static int Run(ParsedArguments args, TextWriter output)
    {
        var format = args.Positionals.Count > 0 ? args.Positionals[0] : null;
        if (format != "neurosim")
        {
            throw ArgumentParser.Error("export", format is null ? "export needs a format: neurosim" : $"unknown export format '{format}'; allowed: neurosim");
        }

        var directory = args.Value("output");
        if (string.IsNullOrEmpty(directory))
        {
            throw ArgumentParser.Error("export", "-o DIR is required: the folder to write NeuroSim's inputs into");
        }

        if (args.Has("data") && args.Has("seed"))
        {
            throw ArgumentParser.Error("export", "--seed draws random input bits and --data traces real images: give one of them");
        }

        OutputPaths.CheckDirectory(directory);
        var rest = args.WithoutFirstPositional();
        var model = ModelOptions.Load(rest, "export", DataOptions.Scale(args, "export"));
        var spec = HardwareOptions.Load(rest, "export");
        var seed = ArgumentParser.Int(args, "seed", 1, int.MinValue, int.MaxValue, "export");
        float[]? sample = null;
        if (args.Value("data") is { } dataName)
        {
            var data = DataOptions.Load(args, dataName, SampleFeeder.ModelInput(model.Graph), "export");
            var index = ArgumentParser.Int(args, "image", 0, 0, int.MaxValue, "export");
            if (index >= data.Count)
            {
                throw new DiagnosticException(Diagnostic.Error(NeuroSimCodes.ImageOutOfRange,
                    $"--image {index} is outside the data set; it holds images 0 to {data.Count - 1}", new SourceLocation(dataName)));
            }

            sample = new SampleFeeder(model.Graph, data.Take(index + 1), model.Path).Sample(index);
        }

        var mapping = CrossbarMapper.Map(model.Graph, spec);
        NeuroSimExportResult? result = null;
        OutputPaths.Guard(directory, () => result = NeuroSimExport.Write(model.Graph, mapping, directory, sample, seed));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {result!.Directory}: NetWork.csv ({result.Rows.Count} layers), weight/input traces ({result.TraceSource}), param.txt, run-neurosim.sh"));
        output.WriteLine($"run: cd {result.Directory} && PATH/TO/NeuroSIM/{result.Command}");
        return 0;
    }
}
