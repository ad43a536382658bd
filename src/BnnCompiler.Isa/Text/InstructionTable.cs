using System.Text;

namespace BnnCompiler.Isa.Text;

/// <summary>
/// The instruction set's text form, one row per instruction: its mnemonic and its operands, each named once in
/// constructor order through an <see cref="IFieldCodec"/>, which both formats (<see cref="Format"/>) and parses
/// (<see cref="Parse"/>) the line <c>mnemonic key=value … [after=i,j]</c>. A new instruction is one row here.
/// </summary>
internal static class InstructionTable
{
    private static readonly InstructionForm[] Rows =
    [
        InstructionForm.Of<TransferInstruction>("transfer", (c, i) =>
            new(c.Enum("dir", i?.Direction), c.Int("tile", i?.Tile), c.Long("bits", i?.Bits), c.Int("hops", i?.Hops), c.After(i?.After))),
        InstructionForm.Of<BufferWriteInstruction>("write_buffer", (c, i) =>
            new(c.Int("tile", i?.Tile), c.Enum("buffer", i?.Buffer), c.Long("words", i?.Words), c.Long("bits", i?.Bits), c.After(i?.After))),
        InstructionForm.Of<BufferReadInstruction>("read_buffer", (c, i) =>
            new(c.Int("tile", i?.Tile), c.Enum("buffer", i?.Buffer), c.Long("words", i?.Words), c.Long("bits", i?.Bits), c.After(i?.After))),
        InstructionForm.Of<ReadInstruction>("read", (c, i) =>
        {
            var (tile, pe, sub, id) = (c.Int("tile", i?.Tile), c.Int("pe", i?.Pe), c.Int("sub", i?.Subarray), c.Int("id", i?.SubarrayId));
            var (rowBlock, columnBlock) = c.Pair("block", i is null ? null : (i.RowBlock, i.ColumnBlock));
            return new(tile, pe, sub, id, rowBlock, columnBlock, c.Int("plane", i?.Plane), c.Int("rows", i?.Rows), c.Int("columns", i?.Columns), c.After(i?.After));
        }),
        InstructionForm.Of<ConvertInstruction>("convert", (c, i) =>
            new(c.Int("id", i?.SubarrayId), c.Int("plane", i?.Plane), c.Int("columns", i?.Columns), c.Int("mux_steps", i?.MuxSteps, min: 1), c.After(i?.After))),
        InstructionForm.Of<ShiftAddInstruction>("shift_add", (c, i) =>
            new(c.Int("id", i?.SubarrayId), c.Int("plane", i?.Plane), c.Int("columns", i?.Columns), c.After(i?.After))),
        InstructionForm.Of<AccumulateInstruction>("accumulate", (c, i) =>
            new(c.Enum("level", i?.Level), c.Tile("tile", i?.Tile), c.Int("unit", i?.Unit), c.Int("operands", i?.Operands, min: 1), c.Int("elements", i?.Elements), c.After(i?.After))),
        InstructionForm.Of<ActivateInstruction>("activate", (c, i) =>
            new(c.Text("node", i?.Node), c.Text("op", i?.Op), c.Tile("tile", i?.Tile), c.Int("elements", i?.Elements), c.After(i?.After))),
        InstructionForm.Of<PoolInstruction>("pool", (c, i) =>
            new(c.Text("node", i?.Node), c.Text("op", i?.Op), c.Tile("tile", i?.Tile), c.Int("elements", i?.Elements), c.After(i?.After))),
        InstructionForm.Of<ResidualAddInstruction>("residual_add", (c, i) =>
            new(c.Text("node", i?.Node), c.Tile("tile", i?.Tile), c.Int("elements", i?.Elements), c.After(i?.After))),
        InstructionForm.Of<ConcatInstruction>("concat", (c, i) =>
            new(c.Text("node", i?.Node), c.Tile("tile", i?.Tile), c.Int("elements", i?.Elements), c.After(i?.After))),
        InstructionForm.Of<StoreInstruction>("store", (c, i) =>
            new(c.Tile("tile", i?.Tile), c.Long("bits", i?.Bits), c.Int("hops", i?.Hops), c.After(i?.After))),
    ];

    private static readonly Dictionary<Type, InstructionForm> ByType = Rows.ToDictionary(r => r.Type);

    private static readonly Dictionary<string, InstructionForm> ByMnemonic = Rows.ToDictionary(r => r.Mnemonic, StringComparer.Ordinal);

    /// <summary>Every mnemonic, in table order.</summary>
    public static IReadOnlyList<string> Mnemonics { get; } = Rows.Select(r => r.Mnemonic).ToArray();

    /// <summary>The instruction types the table spells.</summary>
    public static IReadOnlyCollection<Type> Types => ByType.Keys;

    public static string MnemonicOf(Instruction instruction) => FormOf(instruction).Mnemonic;

    /// <summary>The line <c>mnemonic key=value … [after=i,j]</c>.</summary>
    public static string Format(Instruction instruction)
    {
        var form = FormOf(instruction);
        var text = new StringBuilder(form.Mnemonic);
        form.Codec(new FieldWriter(text), instruction);
        return text.ToString();
    }

    /// <summary>Parses the operands of <paramref name="mnemonic"/>; null (with a diagnostic at its column) for an unknown mnemonic.</summary>
    public static Instruction? Parse(string mnemonic, FieldSet fields, int column)
    {
        if (!ByMnemonic.TryGetValue(mnemonic, out var form))
        {
            fields.Error(IsaCodes.Syntax, column, $"unknown instruction '{mnemonic}'; instructions: {string.Join(", ", Mnemonics)}");
            return null;
        }

        var instruction = form.Codec(new FieldReader(fields), null);
        fields.ReportUnused();
        return instruction;
    }

    private static InstructionForm FormOf(Instruction instruction) =>
        ByType.GetValueOrDefault(instruction.GetType()) ?? throw new InvalidOperationException($"no text form for {instruction.GetType().Name}");
}
