using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Data;
using BnnCompiler.Evaluation;
using BnnCompiler.Hardware;
using BnnCompiler.Mapping;
using BnnCompiler.Mapping.Defects;
using BnnCompiler.Onnx;
using BnnCompiler.Simulator;

namespace BnnCompiler.Cli.Commands;

/// <summary>
/// The defect-repair options of <c>evaluate</c> and <c>sweep</c>: <c>--repair MODE</c> (the same as
/// <c>--set repair.mode=MODE</c>), <c>--defects FILE</c> (the chip's defect map; without it stuck cells are drawn from
/// the spec's rates per trial) and <c>--calibration DATA</c> (the calibration set of map+spares+calibrate, held apart
/// from the test set). See docs/repair.md.
/// </summary>
public static class RepairOptions
{
    public const string ModeKey = "repair.mode";

    public static OptionSpec Repair { get; } = OptionSpec.Choice("repair",
        "defect repair: none, map (fault-aware mapping), map+spares (with subarray.spare_*), map+spares+calibrate (and column references fitted on --calibration)",
        [.. RepairModes.All.Select(RepairModes.Word)]);

    public static OptionSpec Defects { get; } = new("defects", "the chip's defect map, CSV tile,pe,subarray,row,column,state (default: drawn from the spec's stuck-at rates)") { ValueName = "FILE" };

    public static OptionSpec Calibration { get; } = new("calibration",
        "calibration set of map+spares+calibrate (default: fashion-mnist-train for fashion-mnist, mnist-train for mnist-heldout)") { ValueName = "DATA" };

    public static IReadOnlyList<OptionSpec> All { get; } = [Repair, Defects, Calibration];

    /// <summary>--repair as the spec override it stands for (the parser has checked the word against the modes).</summary>
    public static IEnumerable<string> Overrides(ParsedArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Value(Repair.Name) is { } word ? [$"{ModeKey}={word}"] : [];
    }

    /// <summary>Refuses a mode that uses spares on a spec without any (<see cref="MappingCodes.NoSpares"/>).</summary>
    public static void CheckSpares(HardwareSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Repair.UsesSpares && !spec.HasSpares)
        {
            throw new DiagnosticException(Diagnostic.Error(MappingCodes.NoSpares,
                $"repair.mode {RepairModes.Word(spec.Repair.Mode)} uses spare rows, columns and subarrays, but the spec fabricates none; " +
                "give subarray.spare_rows, subarray.spare_columns and/or pe.spare_subarrays (e.g. --set subarray.spare_columns=8), or use --repair map",
                new SourceLocation(spec.SourcePath, Detail: "repair.mode")));
        }
    }

    /// <summary>
    /// The chip's defect source and calibration set for a run of <paramref name="model"/> on <paramref name="dataName"/>;
    /// <paramref name="mapping"/> is called only when a defect map is given (to check it against the chip).
    /// </summary>
    public static ChipSetup Setup(ParsedArguments args, HardwareSpec spec, ImportedModel model, Func<ChipMapping> mapping, string dataName, string command, bool? calibrates = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(model);
        IDefectSource? defects = null;
        if (args.Value(Defects.Name) is { } path)
        {
            if (path.Length == 0)
            {
                throw ArgumentParser.Error(command, "--defects needs a defect map file");
            }

            var map = DefectMapCsv.Read(path);
            var chip = mapping();
            map.CheckAgainst(chip, path);
            defects = new MappedDefectSource(map, chip);
        }

        if (!(calibrates ?? spec.Repair.Calibrates))
        {
            return new ChipSetup(defects, null);
        }

        var calibrationName = args.Value(Calibration.Name) ?? DefaultCalibration(dataName)
            ?? throw ArgumentParser.Error(command,
                $"--repair map+spares+calibrate on '{dataName}' needs --calibration DATA, a set held apart from the test images " +
                "(fashion-mnist is calibrated on fashion-mnist-train, mnist-heldout on mnist-train by default)");
        var input = SampleFeeder.ModelInput(model.Graph);
        var options = new DataLoadOptions(ModelInput: input);
        var feeder = new SampleFeeder(model.Graph, DatasetCatalog.Load(calibrationName, options), model.Path);
        var count = Math.Min(feeder.Count, spec.Repair.CalibrationImages);
        return new ChipSetup(defects, [.. Enumerable.Range(0, count).Select(feeder.Sample)]);
    }

    /// <summary>True when the spec, or a value a sweep's --set gives repair.mode, calibrates.</summary>
    public static bool AnyCalibrates(HardwareSpec spec, ParsedArguments args)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(args);
        return spec.Repair.Calibrates || args.Values(HardwareOptions.Set.Name).Any(v =>
            v.StartsWith(ModeKey + "=", StringComparison.Ordinal) && v.Contains("calibrate", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The shipped calibration set disjoint from a shipped test set, or null.</summary>
    public static string? DefaultCalibration(string dataName) => dataName switch
    {
        "fashion-mnist" => "fashion-mnist-train",
        "mnist-heldout" => "mnist-train",
        "mnist-train" => "mnist-heldout",
        _ => null,
    };
}
