using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Hardware;

namespace BnnCompiler.Cli.Commands;

/// <summary>
/// The options of every command that reads a hardware spec: <c>--hw SPEC</c>, repeated <c>--set key.path=value</c>,
/// and the two knobs most often changed, <c>--adc-bits A</c> and <c>--input-bits B</c> (the same as
/// <c>--set readout.adc_bits=A</c> and <c>--set readout.input_bits=B</c>, with the spec's bounds). <c>bnnc sweep</c>
/// and <c>bnnc study</c> take the same names with a list or range of values (<see cref="SweepAll"/>).
/// </summary>
public static class HardwareOptions
{
    public const string AdcBitsKey = "readout.adc_bits";

    public const string InputBitsKey = "readout.input_bits";

    public static OptionSpec Hw { get; } = new("hw", $"hardware spec YAML (default: {HardwareSpecLoader.DefaultSpecRelativePath})") { ValueName = "SPEC" };

    public static OptionSpec Set { get; } = new("set", "override one spec key, e.g. --set readout.adc_bits=3", Repeats: true) { ValueName = "KEY=VALUE" };

    public static OptionSpec AdcBits { get; } = Knob("adc-bits", AdcBitsKey, "ADC resolution");

    public static OptionSpec InputBits { get; } = Knob("input-bits", InputBitsKey, "precision of multi-bit inputs");

    /// <summary>The four options, to splice into a command's option list.</summary>
    public static IReadOnlyList<OptionSpec> All { get; } = [Hw, Set, AdcBits, InputBits];

    /// <summary>The same four options with the sweep's meaning: --set, --adc-bits and --input-bits take lists or ranges of values.</summary>
    public static IReadOnlyList<OptionSpec> SweepAll(string? adcDefault = null, string? inputDefault = null) =>
    [
        Hw,
        new("set", "sweep a spec key over values: key=v1,v2 or key=lo..hi (one value fixes the key)", Repeats: true) { ValueName = "KEY=VALUES" },
        SweepKnob(AdcBits, AdcBitsKey, "ADC resolutions to sweep", adcDefault),
        SweepKnob(InputBits, InputBitsKey, "input precisions to sweep", inputDefault),
    ];

    /// <summary>Reads and validates the spec named by --hw (or the shipped default) with --set, --adc-bits and --input-bits applied.</summary>
    /// <exception cref="Core.Diagnostics.DiagnosticException">BNN1001 for an empty --hw; BNN2xxx for every problem in the spec.</exception>
    /// <param name="extra">Further <c>key=value</c> overrides of a command's own options, applied after --set.</param>
    public static HardwareSpec Load(ParsedArguments args, string command, IEnumerable<string>? extra = null)
    {
        var overrides = args.Values(Set.Name).ToList();
        if (args.Value(AdcBits.Name) is { } adc)
        {
            overrides.Add($"{AdcBitsKey}={adc}");
        }

        if (args.Value(InputBits.Name) is { } input)
        {
            overrides.Add($"{InputBitsKey}={input}");
        }

        overrides.AddRange(extra ?? []);
        return HardwareSpecLoader.Load(SpecPath(args, command), overrides);
    }

    /// <summary>The --hw path, or the shipped default spec.</summary>
    public static string SpecPath(ParsedArguments args, string command)
    {
        var path = args.Value(Hw.Name);
        if (path is { Length: 0 })
        {
            throw ArgumentParser.Error(command, "--hw needs a spec file path");
        }

        return path ?? HardwareSpecLoader.DefaultSpecPath;
    }

    private static OptionSpec Knob(string name, string key, string what)
    {
        var (min, max) = Bounds(key);
        return OptionSpec.Integer(name, $"{what} (same as --set {key}=N; default: the spec's)", min, max);
    }

    private static OptionSpec SweepKnob(OptionSpec knob, string key, string what, string? @default) =>
        OptionSpec.IntegerRange(knob.Name, $"{what}, e.g. 1..8 or 3,5,8 ({key})", knob.Min ?? 1, knob.Max ?? 1, @default);

    private static (long Min, long Max) Bounds(string key) =>
        HardwareSpecSchema.Fields.First(f => f.Path == key).Type is IntegerType t ? (t.Min, t.Max) : (1, int.MaxValue);
}
