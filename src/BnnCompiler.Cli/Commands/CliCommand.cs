using BnnCompiler.Cli.CommandLine;

namespace BnnCompiler.Cli.Commands;

/// <summary>A subcommand of bnnc: its name, one-line summary, usage, options and entry point.</summary>
public sealed record CliCommand(
    string Name,
    string Summary,
    string Usage,
    IReadOnlyList<OptionSpec> Options,
    int MaxPositionals,
    Func<ParsedArguments, TextWriter, int> Run);
