using BnnCompiler.Core.Diagnostics;

namespace BnnCompiler.Cli.CommandLine;

/// <summary>
/// Parses <c>--name value</c>, <c>--name=value</c>, flags and positionals against a command's option list;
/// unknown options and missing values are diagnostics that list what is accepted.
/// </summary>
public static class ArgumentParser
{
    public static ParsedArguments Parse(string command, IReadOnlyList<string> args, IReadOnlyList<OptionSpec> specs, int maxPositionals)
    {
        var positionals = new List<string>();
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith('-') || arg == "-")
            {
                positionals.Add(arg);
                continue;
            }

            var (name, inline) = arg.Contains('=') ? (arg[..arg.IndexOf('=')], arg[(arg.IndexOf('=') + 1)..]) : (arg, null);
            var spec = specs.FirstOrDefault(s => "--" + s.Name == name || (s.Alias is not null && "-" + s.Alias == name))
                ?? throw Error(command, $"unknown option '{name}'; {command} accepts: {string.Join(", ", specs.Select(s => "--" + s.Name))}");
            string value;
            if (!spec.TakesValue)
            {
                value = "true";
            }
            else if (inline is not null)
            {
                value = inline;
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                throw Error(command, $"option --{spec.Name} needs a value: {spec.Help}");
            }

            if (!options.TryGetValue(spec.Name, out var list))
            {
                options[spec.Name] = list = [];
            }
            else if (!spec.Repeats)
            {
                throw Error(command, $"option --{spec.Name} is given more than once");
            }

            list.Add(value);
        }

        if (positionals.Count > maxPositionals)
        {
            throw Error(command, $"unexpected argument '{positionals[maxPositionals]}'; see 'bnnc {command} --help'");
        }

        return new ParsedArguments(positionals, options);
    }

    public static int Int(ParsedArguments args, string option, int fallback, int min, int max, string command)
    {
        var text = args.Value(option);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, out var v) && v >= min && v <= max
            ? v
            : throw Error(command, $"--{option} must be an integer from {min} to {max}; got '{text}'");
    }

    public static DiagnosticException Error(string command, string message) =>
        new(Diagnostic.Error("BNN1001", message, new SourceLocation($"bnnc {command}")));
}
