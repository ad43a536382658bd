namespace BnnCompiler.Cli.CommandLine;

/// <summary>
/// One option a command accepts: its name, whether it takes a value, whether it may repeat, and help text; the
/// optional typed metadata (kind, default, bounds, choices, value name) is checked at parse time and shown in
/// --help. A spec with only a name and help is free text (or a flag when <see cref="TakesValue"/> is false).
/// </summary>
public sealed record OptionSpec(string Name, string Help, bool TakesValue = true, bool Repeats = false, string? Alias = null)
{
    /// <summary>The value's kind; <see cref="OptionKind.Text"/> or <see cref="OptionKind.Flag"/> unless set.</summary>
    public OptionKind Kind { get; init; } = TakesValue ? OptionKind.Text : OptionKind.Flag;

    /// <summary>The value a command reads when the option is absent (shown in --help), or null.</summary>
    public string? Default { get; init; }

    /// <summary>Smallest value of an integer or integer-range option.</summary>
    public long? Min { get; init; }

    /// <summary>Largest value of an integer or integer-range option.</summary>
    public long? Max { get; init; }

    /// <summary>The accepted values of a choice option.</summary>
    public IReadOnlyList<string>? Choices { get; init; }

    /// <summary>The placeholder shown in --help (e.g. FILE, DIR, SPEC); derived from the kind when null.</summary>
    public string? ValueName { get; init; }

    /// <summary>A whole-number option within <paramref name="min"/>..<paramref name="max"/>.</summary>
    public static OptionSpec Integer(string name, string help, long min, long max, long? @default = null) =>
        new(name, help) { Kind = OptionKind.Integer, Min = min, Max = max, Default = @default?.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    /// <summary>An option that accepts one of <paramref name="choices"/>.</summary>
    public static OptionSpec Choice(string name, string help, IReadOnlyList<string> choices, string? @default = null) =>
        new(name, help) { Kind = OptionKind.Choice, Choices = choices, Default = @default };

    /// <summary>A sweep axis of whole numbers within <paramref name="min"/>..<paramref name="max"/>.</summary>
    public static OptionSpec IntegerRange(string name, string help, long min, long max, string? @default = null) =>
        new(name, help) { Kind = OptionKind.IntegerRange, Min = min, Max = max, Default = @default };

    /// <summary>A switch without a value.</summary>
    public static OptionSpec Flag(string name, string help) => new(name, help, TakesValue: false);
}
