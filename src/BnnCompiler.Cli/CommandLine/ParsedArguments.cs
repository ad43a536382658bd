namespace BnnCompiler.Cli.CommandLine;

/// <summary>
/// Positional arguments and option values of one command line. <see cref="Value"/> falls back to the option's
/// declared <see cref="OptionSpec.Default"/>; <see cref="Has"/> tells whether the option was given.
/// </summary>
public sealed class ParsedArguments(IReadOnlyList<string> positionals, IReadOnlyDictionary<string, List<string>> options, IReadOnlyList<OptionSpec>? specs = null)
{
    public IReadOnlyList<string> Positionals { get; } = positionals;

    public bool Has(string option) => options.ContainsKey(option);

    public string? Value(string option) =>
        options.TryGetValue(option, out var v) ? v[^1] : specs?.FirstOrDefault(s => s.Name == option)?.Default;

    public IReadOnlyList<string> Values(string option) => options.TryGetValue(option, out var v) ? v : [];

    /// <summary>The same options with the first positional (a sub-command's verb) removed.</summary>
    public ParsedArguments WithoutFirstPositional() => new(Positionals.Skip(1).ToList(), options, specs);
}
