namespace BnnCompiler.Isa.Text;

/// <summary>
/// The parsing direction of <see cref="IFieldCodec"/>: reads each operand from a line's <see cref="FieldSet"/>, which
/// reports a missing key or a malformed value at its line and column.
/// </summary>
internal sealed class FieldReader(FieldSet fields) : IFieldCodec
{
    public int Int(string key, int? value, int min = 0) => fields.Int(key, min);

    public long Long(string key, long? value) => fields.Long(key);

    public T Enum<T>(string key, T? value)
        where T : struct, System.Enum => fields.Enum<T>(key);

    public int Tile(string key, int? value) => fields.Tile(key);

    public string Text(string key, string? value) => fields.String(key);

    public (int First, int Second) Pair(string key, (int First, int Second)? value)
    {
        var pair = fields.IntList(key);
        if (pair.Count != 2 && fields.Has(key))
        {
            fields.Error(IsaCodes.Value, fields.ColumnOf(key), $"{key} must be two integers A,B, e.g. 3,0");
        }

        return pair.Count == 2 ? (pair[0], pair[1]) : (0, 0);
    }

    public ValueList<int> After(ValueList<int>? value) => fields.IntList("after", required: false);
}
