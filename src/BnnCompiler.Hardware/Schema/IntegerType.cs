using System.Globalization;

namespace BnnCompiler.Hardware;

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
