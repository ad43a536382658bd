using System.Globalization;

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

/// <summary>A whole number in [min, max], optionally a power of two.</summary>
public sealed class IntegerType : FieldType
{
    public IntegerType(int min, int max, bool powerOfTwo = false, string? keyword = null)
        : base(keyword)
    {
        Min = min;
        Max = max;
        PowerOfTwo = powerOfTwo;
    }

    public int Min { get; }

    public int Max { get; }

    public bool PowerOfTwo { get; }

    public override string Kind => "integer";

    protected override string AllowedValues => PowerOfTwo
        ? $"a power of two from {Min} to {Max}"
        : Max == int.MaxValue ? $"an integer of at least {Min}"
        : Min == Max ? $"{Min}"
        : $"an integer from {Min} to {Max}";

    protected override string TypeNoun => "an integer";

    protected override string FormatValue(object value) => ((int)value).ToString(CultureInfo.InvariantCulture);

    private protected override FieldParse ParseValue(string text)
    {
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            // Digits too many for a long are still an integer, just far out of range
            var digits = text.TrimStart('-', '+');
            return digits.Length > 0 && digits.All(char.IsAsciiDigit) ? FieldParse.OutOfRange() : WrongType();
        }

        if (number < Min || number > Max || (PowerOfTwo && (number & (number - 1)) != 0))
        {
            return FieldParse.OutOfRange();
        }

        return FieldParse.Ok((int)number);
    }
}

/// <summary>A finite real number with optional lower and upper bounds, each inclusive or exclusive.</summary>
public sealed class NumberType : FieldType
{
    public NumberType(double? min = null, bool minInclusive = true, double? max = null, bool maxInclusive = true, string? keyword = null)
        : base(keyword)
    {
        Min = min;
        MinInclusive = minInclusive;
        Max = max;
        MaxInclusive = maxInclusive;
    }

    public double? Min { get; }

    public bool MinInclusive { get; }

    public double? Max { get; }

    public bool MaxInclusive { get; }

    public override string Kind => "number";

    protected override string AllowedValues
    {
        get
        {
            string Show(double v) => v.ToString(CultureInfo.InvariantCulture);
            return (Min, Max) switch
            {
                (null, null) => "a number",
                ({ } lo, null) => MinInclusive ? $"a number of at least {Show(lo)}" : $"a number greater than {Show(lo)}",
                (null, { } hi) => MaxInclusive ? $"a number of at most {Show(hi)}" : $"a number less than {Show(hi)}",
                ({ } lo, { } hi) when MinInclusive && MaxInclusive => $"a number from {Show(lo)} to {Show(hi)}",
                ({ } lo, { } hi) => $"a number {(MinInclusive ? "of at least" : "greater than")} {Show(lo)} and {(MaxInclusive ? "at most" : "less than")} {Show(hi)}",
            };
        }
    }

    protected override string TypeNoun => "a number";

    protected override string FormatValue(object value) => ((double)value).ToString("R", CultureInfo.InvariantCulture);

    private protected override FieldParse ParseValue(string text)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            return WrongType();
        }

        var belowMin = Min is { } lo && (MinInclusive ? number < lo : number <= lo);
        var aboveMax = Max is { } hi && (MaxInclusive ? number > hi : number >= hi);
        return belowMin || aboveMax ? FieldParse.OutOfRange() : FieldParse.Ok(number);
    }
}

/// <summary>true or false.</summary>
public sealed class BooleanType : FieldType
{
    public BooleanType()
        : base(null)
    {
    }

    public override string Kind => "boolean";

    protected override string AllowedValues => "true or false";

    protected override string TypeNoun => "true or false";

    protected override string FormatValue(object value) => (bool)value ? "true" : "false";

    private protected override FieldParse ParseValue(string text) =>
        text.ToLowerInvariant() switch
        {
            "true" => FieldParse.Ok(true),
            "false" => FieldParse.Ok(false),
            _ => WrongType(),
        };
}

/// <summary>Any text.</summary>
public sealed class TextType : FieldType
{
    public TextType()
        : base(null)
    {
    }

    public override string Kind => "text";

    protected override string AllowedValues => "any text";

    protected override string TypeNoun => "text";

    protected override string FormatValue(object value) => YamlText.Quote((string)value);

    private protected override FieldParse ParseValue(string text) => FieldParse.Ok(text);
}

/// <summary>One of a fixed set of lower-case words, each standing for one value of an enum.</summary>
public sealed class ChoiceType : FieldType
{
    private readonly IReadOnlyList<(string Word, Enum Value)> _choices;

    private ChoiceType(IReadOnlyList<(string Word, Enum Value)> choices)
        : base(null) => _choices = choices;

    public IReadOnlyList<string> Words => _choices.Select(c => c.Word).ToList();

    public override string Kind => "choice";

    protected override string AllowedValues => "one of " + string.Join(", ", Words);

    protected override string TypeNoun => "one of the choices";

    public static ChoiceType For<TEnum>(params (string Word, TEnum Value)[] choices)
        where TEnum : struct, Enum =>
        new(choices.Select(c => (c.Word, (Enum)c.Value)).ToList());

    protected override string FormatValue(object value) =>
        _choices.First(c => c.Value.Equals(value)).Word;

    private protected override FieldParse ParseValue(string text)
    {
        foreach (var (word, value) in _choices)
        {
            if (string.Equals(word, text, StringComparison.OrdinalIgnoreCase))
            {
                return FieldParse.Ok(value);
            }
        }

        var nearest = EditDistance.Nearest(text, Words);
        return FieldParse.NotAChoice(nearest is null ? null : $"did you mean {nearest}?");
    }
}
