using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Data;
using BnnCompiler.Evaluation;
using BnnCompiler.Evaluation.Sweep;
using BnnCompiler.Hardware;
using BnnCompiler.Onnx;
using BnnCompiler.Reports;

namespace BnnCompiler.Cli.Commands;

/// <summary>
/// A sweep command line loaded and checked: the model, the base spec (with <c>--seed</c>), the dataset (or none),
/// the number of Monte-Carlo trials and every grid point, each validated against the spec before anything runs.
/// </summary>
public sealed record SweepSetup(ImportedModel Model, HardwareSpec Spec, SampleFeeder? Feeder, int Trials, IReadOnlyList<SweepPoint> Points)
{
    public static SweepSetup From(ParsedArguments args)
    {
        if (args.Positionals.Count > 1)
        {
            throw ArgumentParser.Error("sweep", $"unexpected argument '{args.Positionals[1]}'");
        }

        var spec = EvaluateCommand.WithSeed(HardwareSpecLoader.Load(HardwareOptions.SpecPath(args, "sweep"), []), args, "sweep");
        var trials = ArgumentParser.Int(args, EvaluateCommand.Trials.Name, 0, 1, EvaluateCommand.MaxTrials, "sweep");

        var model = DataOptions.LoadModel(args, "sweep");
        var dataName = args.Value("data") ?? (args.Positionals.Count == 0 ? ProjectFiles.DefaultData : null);
        SampleFeeder? feeder = null;
        if (dataName is not null)
        {
            var data = DataOptions.Load(args, dataName, SampleFeeder.ModelInput(model.Graph), "sweep");
            feeder = new SampleFeeder(model.Graph, data, model.Path);
        }
        else if (trials > 0)
        {
            throw ArgumentParser.Error("sweep", "--trials needs a dataset (--data) to measure accuracy on");
        }

        var points = SweepGrid.Build(Axes(args));
        foreach (var p in points)
        {
            HardwareSpecLoader.ApplyOverrides(spec, p.Overrides); // every point is validated before any runs
        }

        return new SweepSetup(model, spec, feeder, trials, points);
    }

    private static List<(string Key, string Values)> Axes(ParsedArguments args)
    {
        var axes = new List<(string, string)>();
        if (args.Value(HardwareOptions.InputBits.Name) is { } input)
        {
            axes.Add((SweepTable.InputBitsKey, input));
        }

        if (args.Value(HardwareOptions.AdcBits.Name) is { } adc)
        {
            axes.Add((SweepTable.AdcBitsKey, adc));
        }

        foreach (var set in args.Values("set"))
        {
            var eq = set.IndexOf('=');
            if (eq <= 0)
            {
                throw ArgumentParser.Error("sweep", $"--set needs key=values; got '{set}'");
            }

            axes.Add((set[..eq].Trim(), set[(eq + 1)..].Trim()));
        }

        return axes;
    }
}
