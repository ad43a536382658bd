namespace BnnCompiler.Isa.Text;

/// <summary>
/// One direction of an instruction's operands: <see cref="FieldWriter"/> spells the given values as
/// <c>key=value</c> and returns them; <see cref="FieldReader"/> ignores them (null) and reads each key from a line. A row of
/// <see cref="InstructionTable"/> names each operand once, through these calls, in constructor order.
/// </summary>
internal interface IFieldCodec
{
    /// <summary>A whole number of at least <paramref name="min"/>.</summary>
    int Int(string key, int? value, int min = 0);

    /// <summary>A count of bits or words (64-bit).</summary>
    long Long(string key, long? value);

    /// <summary>An enum spelled in snake case.</summary>
    T Enum<T>(string key, T? value)
        where T : struct, System.Enum;

    /// <summary>A tile id, or <c>chip</c> for <see cref="Instruction.Chip"/>.</summary>
    int Tile(string key, int? value);

    /// <summary>A name, bare or in double quotes.</summary>
    string Text(string key, string? value);

    /// <summary>Two whole numbers written <c>a,b</c>.</summary>
    (int First, int Second) Pair(string key, (int First, int Second)? value);

    /// <summary>The optional <c>after=i,j</c> list, always the last operand.</summary>
    ValueList<int> After(ValueList<int>? value);
}
