using System.CommandLine;

namespace BnnCompiler.Cli.CommandLine;

/// <summary>
/// The System.CommandLine symbols of one command, built from its <see cref="OptionSpec"/> list: a string option per
/// valued spec (a string array when it repeats), a bool option per flag, and one positional argument list; each
/// option validates its values with <see cref="OptionRules"/> and completes its choices.
/// </summary>
public sealed class CommandSymbols
{
    private CommandSymbols(Command command, Argument<string[]> positionals, IReadOnlyList<(OptionSpec Spec, Option Option)> options)
    {
        Command = command;
        Positionals = positionals;
        Options = options;
    }

    public Command Command { get; }

    public Argument<string[]> Positionals { get; }

    public IReadOnlyList<(OptionSpec Spec, Option Option)> Options { get; }

    public static CommandSymbols Build(string name, string summary, IReadOnlyList<OptionSpec> specs)
    {
        var command = new Command(name, summary);
        var positionals = new Argument<string[]>("arguments") { Arity = ArgumentArity.ZeroOrMore };
        command.Arguments.Add(positionals);
        var options = new List<(OptionSpec, Option)>();
        foreach (var spec in specs)
        {
            var option = Create(spec);
            command.Options.Add(option);
            options.Add((spec, option));
        }

        return new CommandSymbols(command, positionals, options);
    }

    private static Option Create(OptionSpec spec)
    {
        string[] aliases = spec.Alias is null ? [] : ["-" + spec.Alias];
        Option option = spec.Kind == OptionKind.Flag
            ? new Option<bool>("--" + spec.Name, aliases)
            : spec.Repeats ? new Option<string[]>("--" + spec.Name, aliases) : new Option<string>("--" + spec.Name, aliases);
        option.Description = spec.Help;
        if (spec.Kind == OptionKind.Flag)
        {
            return option;
        }

        option.HelpName = OptionRules.ValueName(spec);
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (OptionRules.Check(spec, token.Value) is { } message)
                {
                    result.AddError(message);
                }
            }
        });
        if (spec.Choices is { } choices)
        {
            option.CompletionSources.Add([.. choices]);
        }

        return option;
    }
}
