using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Mapping;
using static BnnCompiler.Isa.Text.TextNames;

namespace BnnCompiler.Isa.Text;

/// <summary>Spelling of every instruction as <c>mnemonic key=value … [after=i,j]</c>, and its parse.</summary>
internal static class InstructionText
{
    public static IReadOnlyList<string> Mnemonics { get; } =
        ["transfer", "write_buffer", "read_buffer", "read", "convert", "shift_add", "accumulate", "activate", "pool", "residual_add", "concat", "store"];

    public static string Format(Instruction instruction)
    {
        var operands = instruction switch
        {
            TransferInstruction t => $"dir={Enum(t.Direction)} tile={Int(t.Tile)} bits={Int(t.Bits)} hops={Int(t.Hops)}",
            BufferWriteInstruction w => $"tile={Int(w.Tile)} buffer={Enum(w.Buffer)} words={Int(w.Words)} bits={Int(w.Bits)}",
            BufferReadInstruction r => $"tile={Int(r.Tile)} buffer={Enum(r.Buffer)} words={Int(r.Words)} bits={Int(r.Bits)}",
            ReadInstruction r => $"tile={Int(r.Tile)} pe={Int(r.Pe)} sub={Int(r.Subarray)} id={Int(r.SubarrayId)} block={Int(r.RowBlock)},{Int(r.ColumnBlock)} plane={Int(r.Plane)} rows={Int(r.Rows)} columns={Int(r.Columns)}",
            ConvertInstruction c => $"id={Int(c.SubarrayId)} plane={Int(c.Plane)} columns={Int(c.Columns)} mux_steps={Int(c.MuxSteps)}",
            ShiftAddInstruction s => $"id={Int(s.SubarrayId)} plane={Int(s.Plane)} columns={Int(s.Columns)}",
            AccumulateInstruction a => $"level={Enum(a.Level)} tile={Tile(a.Tile)} unit={Int(a.Unit)} operands={Int(a.Operands)} elements={Int(a.Elements)}",
            ActivateInstruction a => $"node={Quote(a.Node)} op={Quote(a.Op)} tile={Tile(a.Tile)} elements={Int(a.Elements)}",
            PoolInstruction p => $"node={Quote(p.Node)} op={Quote(p.Op)} tile={Tile(p.Tile)} elements={Int(p.Elements)}",
            ResidualAddInstruction r => $"node={Quote(r.Node)} tile={Tile(r.Tile)} elements={Int(r.Elements)}",
            ConcatInstruction c => $"node={Quote(c.Node)} tile={Tile(c.Tile)} elements={Int(c.Elements)}",
            StoreInstruction s => $"tile={Tile(s.Tile)} bits={Int(s.Bits)} hops={Int(s.Hops)}",
            _ => throw new InvalidOperationException($"no text form for {instruction.GetType().Name}"),
        };
        return instruction.After.Count == 0 ? $"{instruction.Mnemonic} {operands}" : $"{instruction.Mnemonic} {operands} after={List(instruction.After)}";
    }

    /// <summary>Parses the operands of <paramref name="mnemonic"/>; null (with a diagnostic) for an unknown mnemonic.</summary>
    public static Instruction? Parse(string mnemonic, FieldSet f, int column)
    {
        if (!Mnemonics.Contains(mnemonic))
        {
            f.Error(IsaCodes.Syntax, column, $"unknown instruction '{mnemonic}'; instructions: {string.Join(", ", Mnemonics)}");
            return null;
        }

        Instruction instruction = mnemonic switch
        {
            "transfer" => new TransferInstruction(f.Enum<TransferDirection>("dir"), f.Int("tile"), f.Long("bits"), f.Int("hops"), After(f)),
            "write_buffer" => new BufferWriteInstruction(f.Int("tile"), f.Enum<TileBuffer>("buffer"), f.Long("words"), f.Long("bits"), After(f)),
            "read_buffer" => new BufferReadInstruction(f.Int("tile"), f.Enum<TileBuffer>("buffer"), f.Long("words"), f.Long("bits"), After(f)),
            "read" => Read(f),
            "convert" => new ConvertInstruction(f.Int("id"), f.Int("plane"), f.Int("columns"), f.Int("mux_steps", 1), After(f)),
            "shift_add" => new ShiftAddInstruction(f.Int("id"), f.Int("plane"), f.Int("columns"), After(f)),
            "accumulate" => new AccumulateInstruction(f.Enum<AccumulationLevel>("level"), f.Tile("tile"), f.Int("unit"), f.Int("operands", 1), f.Int("elements"), After(f)),
            "activate" => new ActivateInstruction(f.String("node"), f.String("op"), f.Tile("tile"), f.Int("elements"), After(f)),
            "pool" => new PoolInstruction(f.String("node"), f.String("op"), f.Tile("tile"), f.Int("elements"), After(f)),
            "residual_add" => new ResidualAddInstruction(f.String("node"), f.Tile("tile"), f.Int("elements"), After(f)),
            "concat" => new ConcatInstruction(f.String("node"), f.Tile("tile"), f.Int("elements"), After(f)),
            _ => new StoreInstruction(f.Tile("tile"), f.Long("bits"), f.Int("hops"), After(f)),
        };
        f.ReportUnused();
        return instruction;
    }

    private static ReadInstruction Read(FieldSet f)
    {
        var (tile, pe, sub, id) = (f.Int("tile"), f.Int("pe"), f.Int("sub"), f.Int("id"));
        var block = f.IntList("block");
        if (block.Count != 2 && f.Has("block"))
        {
            f.Error(IsaCodes.Value, f.ColumnOf("block"), "block must be ROW_BLOCK,COLUMN_BLOCK, e.g. 3,0");
        }

        return new ReadInstruction(tile, pe, sub, id, block.Count == 2 ? block[0] : 0, block.Count == 2 ? block[1] : 0,
            f.Int("plane"), f.Int("rows"), f.Int("columns"), After(f));
    }

    private static ValueList<int> After(FieldSet f) => f.IntList("after", required: false);
}
