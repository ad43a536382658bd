using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Isa.Text;

namespace BnnCompiler.Isa.Tests;

/// <summary>A hand-edited program file: every problem is reported at its file(line,col) with a BNN600x code.</summary>
public class ReaderDiagnosticTests
{
    private const string Machine = "machine tiles=8x8 tile_pes=2x2 pe_subarrays=2x2 subarray=16x16 subarray_weights=8x16 adc=sar adc_bits=5 "
        + "columns_per_adc=4 adcs_per_subarray=4 conversion_cycles=5 read_pulse_cycles=1 row_groups=1 reads_per_input=1 interconnect=mesh "
        + "bus_bits=64 tile_input_port_bits=32 tile_output_port_words=2 tree_lanes=4 chip_lanes=16 digital_lanes=16 partial_sum_bits=8";

    internal static string Program(params string[] body) => string.Join('\n',
    [
        "bnnc-program 2",
        "program model=m spec=s clock_ns=2 pipeline=layer_pipelined",
        Machine,
        "stage 0 layer=fc rows=8 columns=4 pixels=1 input_bits=1 accumulation=none",
        "copy 0 first_pixel=0 pixels=1 tiles=0",
        .. body,
        "end",
    ]);

    internal static IReadOnlyList<Diagnostic> Errors(string text) =>
        Assert.Throws<DiagnosticException>(() => ProgramReader.Parse(text, "p.bnnp")).Diagnostics;

    [Fact]
    public void Should_Read_A_Minimal_Hand_Written_Program()
    {
        var program = ProgramReader.Parse(Program(
            "  0: transfer dir=down tile=0 bits=8 hops=1   # the input",
            "  1: write_buffer tile=0 buffer=input words=8 bits=8 after=0",
            "  2: read_buffer tile=0 buffer=input words=8 bits=8 after=1",
            "  3: read tile=0 pe=0 sub=0 id=0 block=0,0 plane=0 rows=8 columns=4 after=2",
            "  4: convert id=0 plane=0 columns=4 mux_steps=1 after=3",
            "  5: write_buffer tile=0 buffer=output words=4 bits=32 after=4",
            "  6: read_buffer tile=0 buffer=output words=4 bits=32 after=5",
            "  7: store tile=0 bits=32 hops=1 after=6"), "p.bnnp");

        var body = Assert.Single(Assert.Single(program.Stages).Copies).Body;
        Assert.Equal(8, body.Count);
        Assert.Equal(new BufferWriteInstruction(0, TileBuffer.Input, 8, 8, ValueList.Of(0)), body[1]);
        Assert.Equal(new ReadInstruction(0, 0, 0, 0, 0, 0, 0, 8, 4, ValueList.Of(2)), body[3]);
        Assert.Equal(new BufferReadInstruction(0, TileBuffer.Output, 4, 32, ValueList.Of(5)), body[6]);
    }

    [Fact]
    public void Should_Reject_A_File_That_Is_Not_A_Program()
    {
        var d = Assert.Single(Errors("hello world\n"));
        Assert.Equal("p.bnnp(1,1): error BNN6001: not a mapped program: the first line must be 'bnnc-program 2'", d.ToString());
    }

    [Fact]
    public void Should_Reject_An_Unsupported_Version()
    {
        var d = Assert.Single(Errors("# saved by an older bnnc\nbnnc-program 1\n"));
        Assert.Equal("p.bnnp(2,14): error BNN6001: program format version 1 is not supported; this tool reads versions 2 and 3 (with a repair plan)", d.ToString());
    }

    [Fact]
    public void Should_Report_Every_Problem_With_Its_Line_And_Column()
    {
        var errors = Errors(Program(
            "  0: transfer dir=sideways tile=0 bits=8 hops=1",
            "  1: lod tile=0 pes=0 bits=8",
            "  2: convert id=0 plane=0 columns=4 after=5",
            "  4: store tile=0 bits=-3 hops=1 colour=red",
            "  4: write_buffer tile=0 buffer=middle words=8 bits=8"));

        Assert.Equal(
        [
            "p.bnnp(6,19): error BNN6004: dir must be one of down, up; got 'sideways'",
            "p.bnnp(7,6): error BNN6002: unknown instruction 'lod'; instructions: transfer, write_buffer, read_buffer, read, convert, shift_add, accumulate, activate, pool, residual_add, concat, store",
            "p.bnnp(8,1): error BNN6003: convert needs operand mux_steps",
            "p.bnnp(8,43): error BNN6005: after=5 names an instruction that is not before this one (2); dependencies must point backwards",
            "p.bnnp(9,3): error BNN6005: instruction number 4 out of sequence; expected 3",
            "p.bnnp(9,24): error BNN6004: bits must be an integer ≥ 0; got '-3'",
            "p.bnnp(9,34): error BNN6003: store takes no operand colour; it takes after, bits, hops, tile",
            "p.bnnp(10,33): error BNN6004: buffer must be one of input, output; got 'middle'",
        ], errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Should_Report_A_Block_Without_End()
    {
        var text = Program("  0: store tile=0 bits=8 hops=1");
        text = text[..text.LastIndexOf("end", StringComparison.Ordinal)];

        var d = Assert.Single(Errors(text));
        Assert.Equal(IsaCodes.Structure, d.Code);
        Assert.Equal("the block opened on line 5 has no 'end'", d.Message);
    }

    [Fact]
    public void Should_Report_An_Unclosed_Quote_And_Stages_Out_Of_Order()
    {
        var text = Program("  0: activate node=\"sign tile=0 elements=4") + "\nstage 2 layer=x rows=1 columns=1 pixels=1 input_bits=1 accumulation=pe\ncopy 0 first_pixel=0 pixels=1 tiles=1\nend\n";

        Assert.Equal(
        [
            "p.bnnp(6,20): error BNN6002: unclosed quote",
            "p.bnnp(8,7): error BNN6005: stage 2 out of sequence; expected stage 1",
        ], Errors(text).Select(e => e.ToString()));
    }
}
