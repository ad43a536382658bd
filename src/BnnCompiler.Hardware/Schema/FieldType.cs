namespace BnnCompiler.Hardware;

/// <summary>What a spec key accepts: how its text is parsed, checked and written back.</summary>
public abstract class FieldType
{
    private protected FieldType(string? keyword) => Keyword = keyword;

    /// <summary>
    /// A word accepted in place of a value (<c>auto</c>, <c>all</c>, <c>unlimited</c>); it parses to null and
    /// means "let the tool decide" or "no limit", as the key's description says.
    /// </summary>
    public string? Keyword { get; }

    /// <summary>What is allowed, phrased to follow "must be": "a power of two from 8 to 4096".</summary>
    public string Allowed => Keyword is null ? AllowedValues : $"{AllowedValues}, or {Keyword}";

    /// <summary>The kind of value, for the documentation table: integer, number, boolean, choice, text.</summary>
    public abstract string Kind { get; }

    /// <summary>What is allowed, not counting the keyword.</summary>
    protected abstract string AllowedValues { get; }

    /// <summary>What the text must be to have the right type, phrased to follow "which is not".</summary>
    protected abstract string TypeNoun { get; }

    /// <summary>Writes a value back as YAML scalar text; null is written as the keyword.</summary>
    public string Format(object? value)
    {
        if (value is null)
        {
            return Keyword ?? throw new InvalidOperationException("null value for a key without a keyword");
        }

        return FormatValue(value);
    }

    internal FieldParse Parse(string text)
    {
        if (Keyword is not null && string.Equals(text, Keyword, StringComparison.OrdinalIgnoreCase))
        {
            return FieldParse.Ok(null);
        }

        return ParseValue(text);
    }

    protected abstract string FormatValue(object value);

    private protected abstract FieldParse ParseValue(string text);

    private protected FieldParse WrongType() => FieldParse.WrongType($"which is not {TypeNoun}");
}

internal enum FieldParseOutcome
{
    Ok,
    WrongType,
    OutOfRange,
    NotAChoice,
}

/// <summary>The result of parsing one scalar: a value, or why not (with an optional hint such as a suggestion).</summary>
internal readonly record struct FieldParse(FieldParseOutcome Outcome, object? Value, string? Hint)
{
    public static FieldParse Ok(object? value) => new(FieldParseOutcome.Ok, value, null);

    public static FieldParse WrongType(string hint) => new(FieldParseOutcome.WrongType, null, hint);

    public static FieldParse OutOfRange() => new(FieldParseOutcome.OutOfRange, null, null);

    public static FieldParse NotAChoice(string? hint) => new(FieldParseOutcome.NotAChoice, null, hint);
}
