namespace BnnCompiler.Cli.CommandLine;

/// <summary>Positional arguments and option values of one command line.</summary>
public sealed class ParsedArguments(IReadOnlyList<string> positionals, IReadOnlyDictionary<string, List<string>> options)
{
    public IReadOnlyList<string> Positionals { get; } = positionals;

    public bool Has(string option) => options.ContainsKey(option);

    public string? Value(string option) => options.TryGetValue(option, out var v) ? v[^1] : null;

    public IReadOnlyList<string> Values(string option) => options.TryGetValue(option, out var v) ? v : [];
}
