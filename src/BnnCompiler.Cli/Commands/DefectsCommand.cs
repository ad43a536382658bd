using System.Globalization;
using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Cli.Output;
using BnnCompiler.Hardware;
using BnnCompiler.Mapping;
using BnnCompiler.Mapping.Defects;
using BnnCompiler.Simulator.Analog;

namespace BnnCompiler.Cli.Commands;

/// <summary>
/// <c>bnnc defects generate [MODEL] [--hw SPEC] [--set k=v]... [--seed S] [--trial T] -o FILE</c>: writes the defect map
/// (CSV tile,pe,subarray,row,column,state) of the chip the model maps to, drawn from the spec's stuck-at rates as
/// Monte-Carlo trial T of seed S draws them, for <c>bnnc evaluate --defects FILE</c> (docs/repair.md).
/// </summary>
public static class DefectsCommand
{
    public static CliCommand Command { get; } = new(
        "defects",
        "write a chip's defect map drawn from the spec's stuck-at rates (defects generate [MODEL] -o FILE)",
        "bnnc defects generate [MODEL] [--hw SPEC] [--set k=v]... [--seed S] [--trial T] -o FILE",
        [
            .. HardwareOptions.All,
            EvaluateCommand.Seed,
            OptionSpec.Integer("trial", "the Monte-Carlo trial whose stuck cells to write (draws from seed + trial)", 0, EvaluateCommand.MaxTrials - 1, 0),
            new OptionSpec("output", "the CSV file to write", Alias: "o") { ValueName = "FILE" },
            .. ModelOptions.All,
        ],
        2,
        Run);

    private static int Run(ParsedArguments args, TextWriter output)
    {
        var verb = args.Positionals.Count > 0 ? args.Positionals[0] : null;
        if (verb != "generate")
        {
            throw ArgumentParser.Error("defects", verb is null ? "defects needs an action: generate" : $"unknown action '{verb}'; defects accepts: generate");
        }

        var path = args.Value("output") ?? throw ArgumentParser.Error("defects", "defects generate needs -o FILE");
        OutputPaths.CheckFile(path);
        var spec = EvaluateCommand.WithSeed(HardwareOptions.Load(args, "defects"), args, "defects");
        var trial = ArgumentParser.Int(args, "trial", 0, 0, EvaluateCommand.MaxTrials - 1, "defects");
        var model = ModelOptions.Load(args, "defects", null, positional: 1);
        var mapping = CrossbarMapper.Map(model.Graph, spec);
        var map = DefectMapGenerator.Generate(mapping, trial);
        var n = spec.NonIdealities;
        var comment = string.Create(CultureInfo.InvariantCulture,
            $"defect map of {model.Path} on {spec.SourcePath} ({spec.Subarray.PhysicalRows}x{spec.Subarray.PhysicalColumns} cells a subarray, spares included)\n" +
            $"drawn at stuck_at_on_rate {n.StuckAtOnRate}, stuck_at_off_rate {n.StuckAtOffRate}, seed {n.Seed}, trial {trial}");
        OutputPaths.Guard(path, () => DefectMapCsv.Write(path, map, comment));
        var cells = (long)mapping.Layers.Sum(l => l.Blocks.Count) * spec.Subarray.PhysicalRows * spec.Subarray.PhysicalColumns;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {path}: {map.Entries.Count:N0} stuck cells of {cells:N0} in {mapping.Layers.Sum(l => l.Blocks.Count)} subarrays ({map.Entries.Count(e => e.State == StuckState.On):N0} stuck on)"));
        return 0;
    }
}
