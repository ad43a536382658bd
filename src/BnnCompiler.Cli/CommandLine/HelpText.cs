using BnnCompiler.Cli.Commands;

namespace BnnCompiler.Cli.CommandLine;

/// <summary>The --help pages: the list of commands, and one command's usage and options with their kinds, bounds and defaults.</summary>
public static class HelpText
{
    public static void PrintRoot(IReadOnlyList<CliCommand> commands, TextWriter output)
    {
        output.WriteLine("bnnc: compile binarized neural networks to PIM crossbars, simulate them and price them");
        output.WriteLine();
        output.WriteLine("usage: bnnc COMMAND [ARGUMENTS] [OPTIONS]");
        output.WriteLine();
        output.WriteLine("commands:");
        foreach (var c in commands)
        {
            output.WriteLine($"  {c.Name,-10} {c.Summary}");
        }

        output.WriteLine();
        output.WriteLine("bnnc COMMAND --help shows a command's options; bnnc --version prints the version.");
        output.WriteLine("@FILE reads arguments from a file (one or more a line, # starts a comment); after -- every argument is positional.");
        output.WriteLine("Tab completion: bnnc completion bash|zsh prints a script to source.");
        output.WriteLine("Exit codes: 0 done, 1 usage shown, 2 bad input (a diagnostic says what and where), 3 internal error.");
    }

    public static void PrintCommand(CliCommand command, TextWriter output)
    {
        output.WriteLine($"usage: {command.Usage}");
        output.WriteLine(command.Summary);
        if (command.Options.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine("options:");
        var names = command.Options.Select(Name).ToList();
        var width = Math.Min(34, names.Max(n => n.Length) + 2);
        for (var i = 0; i < names.Count; i++)
        {
            var o = command.Options[i];
            var notes = new List<string>();
            if (o.Kind is OptionKind.Integer or OptionKind.Choice or OptionKind.IntegerRange)
            {
                notes.Add(OptionRules.Allowed(o));
            }

            if (o.Default is not null)
            {
                notes.Add($"default: {o.Default}");
            }

            if (o.Repeats)
            {
                notes.Add("repeatable");
            }

            var name = names[i].Length + 2 > width ? names[i] + Environment.NewLine + new string(' ', width + 2) : names[i].PadRight(width);
            output.WriteLine($"  {name}{o.Help}{(notes.Count == 0 ? string.Empty : $" [{string.Join("; ", notes)}]")}");
        }
    }

    private static string Name(OptionSpec o)
    {
        var value = OptionRules.ValueName(o);
        return (o.Alias is null ? string.Empty : $"-{o.Alias}, ") + "--" + o.Name + (value.Length == 0 ? string.Empty : " " + value);
    }
}
