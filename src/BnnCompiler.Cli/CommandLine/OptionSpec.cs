namespace BnnCompiler.Cli.CommandLine;

/// <summary>One option a command accepts: its name, whether it takes a value, whether it may repeat, and help text.</summary>
public sealed record OptionSpec(string Name, string Help, bool TakesValue = true, bool Repeats = false, string? Alias = null);
