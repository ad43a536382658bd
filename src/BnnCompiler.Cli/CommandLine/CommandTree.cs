using System.CommandLine;
using BnnCompiler.Cli.Commands;

namespace BnnCompiler.Cli.CommandLine;

/// <summary>The System.CommandLine root of bnnc: one subcommand per <see cref="CliCommand"/>, with --help, --version and the [suggest] directive.</summary>
public sealed class CommandTree
{
    private CommandTree(RootCommand root, IReadOnlyDictionary<string, CommandSymbols> commands)
    {
        Root = root;
        Commands = commands;
    }

    public RootCommand Root { get; }

    /// <summary>bnnc's version: the informational version of this assembly (package version and commit).</summary>
    public static string Version { get; } =
        typeof(CommandTree).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "unknown";

    /// <summary>True when the parse asked for --version.</summary>
    public bool AsksVersion(ParseResult result) =>
        result.Errors.Count == 0 && Root.Options.OfType<VersionOption>().Any(o => result.GetResult(o) is not null);

    /// <summary>The symbols of each command, by name.</summary>
    public IReadOnlyDictionary<string, CommandSymbols> Commands { get; }

    public static CommandTree Build(IReadOnlyList<CliCommand> commands)
    {
        var root = new RootCommand("bnnc: compile binarized neural networks to PIM crossbars, simulate them and price them");
        var symbols = new Dictionary<string, CommandSymbols>(StringComparer.Ordinal);
        foreach (var c in commands)
        {
            var s = CommandSymbols.Build(c.Name, c.Summary, c.Options);
            root.Subcommands.Add(s.Command);
            symbols[c.Name] = s;
        }

        return new CommandTree(root, symbols);
    }
}
