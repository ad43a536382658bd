using System.CommandLine;
using System.CommandLine.Parsing;
using BnnCompiler.Core.Diagnostics;

namespace BnnCompiler.Cli.CommandLine;

/// <summary>
/// Parses one command's arguments with System.CommandLine against its option list: <c>--name value</c>,
/// <c>--name=value</c>, <c>-o value</c>, switches (<c>=false</c> leaves one off), <c>--</c> (everything after it is
/// positional) and response files (<c>@FILE</c>, one or more arguments a line, <c>#</c> starts a comment line).
/// Unknown options, missing values and values outside an option's kind are diagnostics naming the option and what
/// it accepts.
/// </summary>
public static class ArgumentParser
{
    public static ParsedArguments Parse(string command, IReadOnlyList<string> args, IReadOnlyList<OptionSpec> specs, int maxPositionals)
    {
        var symbols = CommandSymbols.Build(command, command, specs);
        var root = new RootCommand();
        root.Subcommands.Add(symbols.Command);
        return Read(root.Parse([command, .. Rewrite(command, args, specs)], Configuration(command, specs)), symbols, maxPositionals);
    }

    /// <summary>The switches given <c>=true</c>/<c>=false</c> rewritten (see <see cref="FlagValues"/>).</summary>
    /// <exception cref="DiagnosticException">BNN1001 for a switch given another value.</exception>
    public static IReadOnlyList<string> Rewrite(string command, IEnumerable<string> args, IReadOnlyList<OptionSpec> specs)
    {
        var (tokens, message) = FlagValues.Rewrite(args, specs);
        return message is null ? tokens : throw Error(command, message);
    }

    /// <summary>The parser settings: response files are read here so that their switches are rewritten too.</summary>
    public static ParserConfiguration Configuration(string command, IReadOnlyList<OptionSpec> specs) => new()
    {
        ResponseFileTokenReplacer = (string token, out IReadOnlyList<string>? replacement, out string? error) =>
            ResponseFile.TryRead(token, specs, out replacement, out error),
    };

    /// <summary>The values of a parse, or every problem in it as diagnostics.</summary>
    /// <exception cref="DiagnosticException">BNN1001 for each problem.</exception>
    public static ParsedArguments Read(ParseResult result, CommandSymbols symbols, int maxPositionals)
    {
        var command = symbols.Command.Name;
        var problems = new List<string>();
        foreach (var (spec, option) in symbols.Options)
        {
            if (spec.TakesValue && result.GetResult(option) is { Implicit: false, Tokens.Count: 0 })
            {
                problems.Add($"option --{spec.Name} needs a value: {OptionRules.Allowed(spec)}");
            }
        }

        if (problems.Count == 0)
        {
            problems.AddRange(result.Errors.Select(e => e.Message));
        }

        var positionals = result.GetResult(symbols.Positionals)?.Tokens ?? [];
        var dash = result.Tokens.ToList().FindIndex(t => t.Type == TokenType.DoubleDash);
        var afterDash = dash < 0 ? 0 : result.Tokens.Count - dash - 1;
        foreach (var token in positionals.Take(positionals.Count - afterDash).Where(t => t.Value.Length > 1 && t.Value[0] == '-'))
        {
            problems.Add($"unknown option '{token.Value.Split('=')[0]}'; {command} accepts: {string.Join(", ", symbols.Options.Select(o => "--" + o.Spec.Name))} (an argument that starts with '-' goes after --)");
        }

        if (problems.Count == 0 && positionals.Count > maxPositionals)
        {
            problems.Add($"unexpected argument '{positionals[maxPositionals].Value}'; see 'bnnc {command} --help'");
        }

        if (problems.Count > 0)
        {
            throw new DiagnosticException(problems.Distinct().Select(p => Diagnostic.Error("BNN1001", p, new SourceLocation($"bnnc {command}"))).ToList());
        }

        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (spec, option) in symbols.Options)
        {
            List<string> values = option switch
            {
                Option<bool> flag => result.GetValue(flag) ? ["true"] : [],
                Option<string[]> many => [.. result.GetValue(many) ?? []],
                Option<string> one => result.GetValue(one) is { } v ? [v] : [],
                _ => [],
            };
            if (values.Count > 0)
            {
                options[spec.Name] = values;
            }
        }

        return new ParsedArguments(positionals.Select(t => t.Value).ToList(), options, symbols.Options.Select(o => o.Spec).ToList());
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
