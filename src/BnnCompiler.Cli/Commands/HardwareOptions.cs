using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Hardware;

namespace BnnCompiler.Cli.Commands;

/// <summary>Options shared by the commands that read a hardware spec: <c>--hw SPEC</c> and repeated <c>--set key.path=value</c>.</summary>
public static class HardwareOptions
{
    public static OptionSpec Hw { get; } = new("hw", $"hardware spec YAML (default: {HardwareSpecLoader.DefaultSpecRelativePath})");

    public static OptionSpec Set { get; } = new("set", "override one spec key, e.g. --set readout.adc_bits=3 (repeatable)", Repeats: true);

    /// <summary>Both options, to splice into a command's option list.</summary>
    public static IReadOnlyList<OptionSpec> All { get; } = [Hw, Set];

    /// <summary>Reads and validates the spec named by --hw (or the shipped default) with the --set overrides applied.</summary>
    /// <exception cref="Core.Diagnostics.DiagnosticException">BNN1001 for an empty --hw; BNN2xxx for every problem in the spec.</exception>
    public static HardwareSpec Load(ParsedArguments args, string command)
    {
        var path = args.Value(Hw.Name);
        if (path is { Length: 0 })
        {
            throw ArgumentParser.Error(command, "--hw needs a spec file path");
        }

        return HardwareSpecLoader.Load(path ?? HardwareSpecLoader.DefaultSpecPath, args.Values(Set.Name));
    }
}
