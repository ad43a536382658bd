namespace BnnCompiler.Isa.Text;

/// <summary>One row of <see cref="InstructionTable"/>: a mnemonic, its instruction type and the operands' codec.</summary>
internal sealed record InstructionForm(string Mnemonic, Type Type, Func<IFieldCodec, Instruction?, Instruction> Codec)
{
    public static InstructionForm Of<T>(string mnemonic, Func<IFieldCodec, T?, T> codec)
        where T : Instruction => new(mnemonic, typeof(T), (c, i) => codec(c, (T?)i));
}
