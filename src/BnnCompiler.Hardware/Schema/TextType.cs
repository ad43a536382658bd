namespace BnnCompiler.Hardware;

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
