namespace BnnCompiler.Isa;

/// <summary>
/// One step of a copy's per-pixel body (or of the prologue). <see cref="After"/> lists the positions, within the
/// same body, of the instructions whose results this one needs; it starts when they are done and its resource is
/// free. The derived records are the instruction set; docs/timing.md gives each one's resource and duration.
/// </summary>
public abstract record Instruction(ValueList<int> After)
{
    /// <summary>The instruction's name in the text format (from <see cref="Text.InstructionTable"/>).</summary>
    public string Mnemonic => Text.InstructionTable.MnemonicOf(this);

    /// <summary>The tile id that stands for "the chip" (global buffer side) in tile operands.</summary>
    public const int Chip = -1;
}
