using BnnCompiler.Mapping;
using BnnCompiler.Isa.Text;

namespace BnnCompiler.Isa.Tests;

/// <summary>
/// The instruction text comes from one table: every instruction type has exactly one row, every instruction formats
/// and parses back to itself through that row, and a line the table does not know (an unknown or misspelt mnemonic, a
/// malformed operand) is a diagnostic at its line and column, never another instruction.
/// </summary>
public sealed class InstructionTableTests
{
    /// <summary>One instruction of each type, with distinct values, a chip tile, a name that needs quotes and dependencies.</summary>
    public static IReadOnlyList<Instruction> OneOfEach { get; } =
    [
        new TransferInstruction(TransferDirection.Up, 3, 4096, 2, ValueList<int>.Empty),
        new BufferWriteInstruction(3, TileBuffer.Output, 17, 544, ValueList.Of(0)),
        new BufferReadInstruction(3, TileBuffer.Input, 16, 512, ValueList.Of(1)),
        new ReadInstruction(1, 2, 3, 4, 5, 6, 7, 8, 9, ValueList.Of(0, 2)),
        new ConvertInstruction(4, 7, 9, 3, ValueList.Of(3)),
        new ShiftAddInstruction(4, 7, 9, ValueList.Of(4)),
        new AccumulateInstruction(AccumulationLevel.Chip, Instruction.Chip, 0, 4, 64, ValueList.Of(5)),
        new ActivateInstruction("block 1/relu", "threshold", Instruction.Chip, 64, ValueList.Of(6)),
        new PoolInstruction("pool1", "max_pool", 2, 32, ValueList.Of(7)),
        new ResidualAddInstruction("add \"skip\"", 2, 32, ValueList.Of(8)),
        new ConcatInstruction("cat", 2, 16, ValueList.Of(9)),
        new StoreInstruction(Instruction.Chip, 128, 0, ValueList.Of(10)),
    ];

    [Fact]
    public void Should_Have_One_Row_For_Every_Instruction_Type()
    {
        var types = typeof(Instruction).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Instruction)) && !t.IsAbstract).ToHashSet();

        Assert.Equal(types.OrderBy(t => t.Name), InstructionTable.Types.OrderBy(t => t.Name));
        Assert.Equal(types.OrderBy(t => t.Name), OneOfEach.Select(i => i.GetType()).OrderBy(t => t.Name));
        Assert.Equal(InstructionTable.Mnemonics.Count, InstructionTable.Mnemonics.Distinct().Count());
    }

    [Fact]
    public void Should_Spell_An_Instruction_As_Written_By_Hand()
    {
        Assert.Equal("read tile=1 pe=2 sub=3 id=4 block=5,6 plane=7 rows=8 columns=9 after=0,2", ProgramWriter.Format(OneOfEach[3]));
        Assert.Equal("accumulate level=chip tile=chip unit=0 operands=4 elements=64 after=5", ProgramWriter.Format(OneOfEach[6]));
        Assert.Equal("activate node=\"block 1/relu\" op=threshold tile=chip elements=64 after=6", ProgramWriter.Format(OneOfEach[7]));
        Assert.Equal("transfer dir=up tile=3 bits=4096 hops=2", ProgramWriter.Format(OneOfEach[0]));
    }

    [Fact]
    public void Should_Parse_Every_Instruction_Back_From_Its_Text()
    {
        var lines = OneOfEach.Select((instruction, n) => $"  {n}: {ProgramWriter.Format(instruction)}").ToArray();

        var program = ProgramReader.Parse(ReaderDiagnosticTests.Program(lines), "p.bnnp");

        Assert.Equal(OneOfEach, Assert.Single(Assert.Single(program.Stages).Copies).Body);
    }

    [Theory]
    [InlineData("Store")]
    [InlineData("stor")]
    [InlineData("read_buffers")]
    public void Should_Report_An_Unknown_Mnemonic_At_Its_Line_And_Column(string mnemonic)
    {
        var d = Assert.Single(ReaderDiagnosticTests.Errors(ReaderDiagnosticTests.Program($"  0: {mnemonic} tile=0 bits=8 hops=1")));

        Assert.Equal($"p.bnnp(6,6): error BNN6002: unknown instruction '{mnemonic}'; instructions: {string.Join(", ", InstructionTable.Mnemonics)}", d.ToString());
    }

    [Fact]
    public void Should_Report_A_Malformed_Operand_At_Its_Value()
    {
        var errors = ReaderDiagnosticTests.Errors(ReaderDiagnosticTests.Program(
            "  0: read tile=0 pe=0 sub=0 id=0 block=3 plane=0 rows=8 columns=4",
            "  1: transfer dir=down tile=x bits=8 hops=1"));

        Assert.Equal(
        [
            "p.bnnp(6,40): error BNN6004: block must be two integers A,B, e.g. 3,0",
            "p.bnnp(7,29): error BNN6004: tile must be an integer from 0 to 2147483647; got 'x'",
        ], errors.Select(e => e.ToString()));
    }
}
