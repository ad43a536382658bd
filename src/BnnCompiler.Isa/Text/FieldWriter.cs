using System.Text;

namespace BnnCompiler.Isa.Text;

/// <summary>The formatting direction of <see cref="IFieldCodec"/>: appends <c> key=value</c> for each operand.</summary>
internal sealed class FieldWriter(StringBuilder text) : IFieldCodec
{
    public int Int(string key, int? value, int min = 0) => Put(key, value ?? throw Missing(key), v => TextNames.Int(v));

    public long Long(string key, long? value) => Put(key, value ?? throw Missing(key), v => TextNames.Int(v));

    public T Enum<T>(string key, T? value)
        where T : struct, System.Enum => Put(key, value ?? throw Missing(key), v => TextNames.Enum(v));

    public int Tile(string key, int? value) => Put(key, value ?? throw Missing(key), TextNames.Tile);

    public string Text(string key, string? value) => Put(key, value ?? throw Missing(key), TextNames.Quote);

    public (int First, int Second) Pair(string key, (int First, int Second)? value) =>
        Put(key, value ?? throw Missing(key), v => $"{TextNames.Int(v.First)},{TextNames.Int(v.Second)}");

    public ValueList<int> After(ValueList<int>? value)
    {
        var after = value ?? throw Missing("after");
        return after.Count == 0 ? after : Put("after", after, TextNames.List);
    }

    private T Put<T>(string key, T value, Func<T, string> spell)
    {
        text.Append(' ').Append(key).Append('=').Append(spell(value));
        return value;
    }

    private static InvalidOperationException Missing(string key) => new($"operand {key} of the instruction to format is missing");
}
