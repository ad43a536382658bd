namespace BnnCompiler.Hardware;

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
