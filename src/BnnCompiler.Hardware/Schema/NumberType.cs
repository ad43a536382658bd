using System.Globalization;

namespace BnnCompiler.Hardware;

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
