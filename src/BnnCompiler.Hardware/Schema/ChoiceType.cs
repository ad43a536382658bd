namespace BnnCompiler.Hardware;

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
