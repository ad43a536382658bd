using System.Globalization;

namespace BnnCompiler.Cli.CommandLine;

/// <summary>Checks an option's value against its kind and bounds, and words what the option accepts.</summary>
public static class OptionRules
{
    /// <summary>What the option accepts, e.g. "an integer from 1 to 10" or "one of: engine, analytical"; a text option's help.</summary>
    public static string Allowed(OptionSpec spec) => spec.Kind switch
    {
        OptionKind.Flag => "no value (or =true / =false)",
        OptionKind.Integer => $"an integer from {Bound(spec.Min, long.MinValue)} to {Bound(spec.Max, long.MaxValue)}",
        OptionKind.Choice => "one of: " + string.Join(", ", spec.Choices ?? []),
        OptionKind.IntegerRange => $"integers from {Bound(spec.Min, long.MinValue)} to {Bound(spec.Max, long.MaxValue)}, as lo..hi or a,b,c",
        _ => spec.Help,
    };

    /// <summary>The placeholder of the value in --help.</summary>
    public static string ValueName(OptionSpec spec) => spec.ValueName ?? spec.Kind switch
    {
        OptionKind.Flag => string.Empty,
        OptionKind.Integer => Unbounded(spec) ? "N" : $"{Bound(spec.Min, long.MinValue)}..{Bound(spec.Max, long.MaxValue)}",
        OptionKind.Choice => string.Join("|", spec.Choices ?? []),
        OptionKind.IntegerRange => "LO..HI|A,B,C",
        _ => "VALUE",
    };

    /// <summary>Null when <paramref name="value"/> is acceptable; otherwise the message naming the option and what it accepts.</summary>
    public static string? Check(OptionSpec spec, string value)
    {
        var ok = spec.Kind switch
        {
            OptionKind.Integer => IsInteger(spec, value),
            OptionKind.Choice => spec.Choices is null || spec.Choices.Contains(value, StringComparer.Ordinal),
            OptionKind.IntegerRange => IsIntegerRange(spec, value),
            _ => true,
        };
        return ok ? null : $"--{spec.Name} must be {Allowed(spec)}; got '{value}'";
    }

    private static bool IsInteger(OptionSpec spec, string text) =>
        long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
        && v >= (spec.Min ?? long.MinValue) && v <= (spec.Max ?? long.MaxValue);

    private static bool IsIntegerRange(OptionSpec spec, string text)
    {
        var range = text.Split("..", StringSplitOptions.TrimEntries);
        if (range.Length == 2)
        {
            return IsInteger(spec, range[0]) && IsInteger(spec, range[1]) && long.Parse(range[0], CultureInfo.InvariantCulture) <= long.Parse(range[1], CultureInfo.InvariantCulture);
        }

        return range.Length == 1 && text.Split(',').All(item => IsInteger(spec, item));
    }

    /// <summary>An integer option whose upper bound is only the type's (int or long).</summary>
    private static bool Unbounded(OptionSpec spec) => spec.Min is >= 0 && (spec.Max ?? long.MaxValue) >= int.MaxValue;

    private static string Bound(long? value, long unbounded) =>
        (value ?? unbounded).ToString(CultureInfo.InvariantCulture);
}
