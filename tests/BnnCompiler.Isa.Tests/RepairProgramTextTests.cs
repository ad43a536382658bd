using BnnCompiler.Hardware;
using BnnCompiler.Isa.Compilation;
using BnnCompiler.Isa.Repair;
using BnnCompiler.Isa.Text;
using BnnCompiler.Mapping.Cells;

namespace BnnCompiler.Isa.Tests;

/// <summary>
/// A program carrying a repair plan (format version 3): written and read back it is the same program and the same text,
/// a program without one stays version 2, and a damaged plan is a diagnostic at its line.
/// </summary>
public class RepairProgramTextTests
{
    private const string Plan = """
        repair mode=map+spares+calibrate seed=7 trial=0 defects=chip.csv blocks=1
        placement layer=fc copy=0 row_block=0 column_block=0 tile=0 pe=0 subarray=4 moved_from=0 rows=3 columns=4 stuck=2 errors_naive=1 errors=0 row_of=2,0 slot_of=1,0 negated=1
        cells 0 01
        cells 2 .1r0
        trim group=0 gain=128,1 offset=-128,127
        end
        """;

    [Fact]
    public void Should_Read_Back_A_Repair_Plan_As_Written()
    {
        // Given TFC compiled for the tiny chip, carrying a hand-made plan for one block (moved onto a spare, a column negated, trimmed)
        var program = ProgramCompiler.Compile(IsaTestModels.Tfc()).WithRepair(new ProgramRepair(RepairMode.MapSparesCalibrate, 3, 0, "my chip.csv", ValueList.Of(
            Block("fc0", negated: [1], moved: 0, trims: [new RowGroupTrim(0, ValueList.Of(1, 255, 128), ValueList.Of(-128, 127, 0)), new RowGroupTrim(1, ValueList.Of(64, 64, 64), ValueList.Of(0, 0, -1))]),
            Block("fc1", negated: [], moved: null, trims: []),
            Block("fc1", negated: [0, 1], moved: null, trims: []) with { Copy = 1 })));

        // When it is written and read back
        var text = ProgramWriter.Write(program);
        var read = ProgramReader.Parse(text, "p.bnnp");

        // Then it is the same program and the same text, version 3, with a readable summary of each block
        Assert.StartsWith("bnnc-program 3\n", text);
        Assert.Equal(program, read);
        Assert.Equal(text, ProgramWriter.Write(read));
        Assert.Contains("\nrepair mode=map+spares+calibrate seed=3 trial=0 defects=\"my chip.csv\" blocks=3\n", text);
        Assert.Contains("# fc0 block (1, 2): tile 5, PE 1, subarray 4 (a spare; moved from subarray 0); 1 used rows and 2 columns moved, 1 column negated; weight errors 9 naive, 4 left (11 stuck cells); 2 calibrated row groups\n", text);
        Assert.Contains("\ncells 1 1r.0\n", text);
        Assert.Contains("# fc1 block (1, 2) of copy 1: tile 5, PE 1, subarray 1; 1 used rows and 2 columns moved, 2 columns negated;", text);
        Assert.Equal(ValueList.Of(0, 1), read.Repair!.Find("fc1", 1, 2, copy: 1)!.Negated);
        Assert.DoesNotContain("\ncells 0 ", text);   // a row without programmed cells is left out
        Assert.Equal(CellState.Reference, read.Repair.Find("fc0", 1, 2)!.At(1, 1));
    }

    [Fact]
    public void Should_Write_A_Program_Without_Repair_In_Version_2()
    {
        var program = ProgramCompiler.Compile(IsaTestModels.Tfc());
        Assert.Null(program.Repair);
        Assert.StartsWith("bnnc-program 2\n", ProgramWriter.Write(program));
        Assert.Throws<ArgumentException>(() => ProgramWriter.Write(program with { FormatVersion = MappedProgram.RepairFormatVersion }));
    }

    [Fact]
    public void Should_Read_A_Hand_Written_Plan()
    {
        var repair = ProgramReader.Parse(Version3(Plan), "p.bnnp").Repair!;
        var block = Assert.Single(repair.Blocks);
        Assert.Equal((RepairMode.MapSparesCalibrate, 7, "chip.csv"), (repair.Mode, repair.Seed, repair.Defects));
        Assert.Equal((4, 0, 2, 0), (block.Subarray, block.MovedFrom, block.RowOf[0], block.SlotOf[1]));
        Assert.Equal([CellState.Off, CellState.On, CellState.Empty, CellState.Empty], block.Cells.Take(4));
        Assert.Equal([CellState.Empty, CellState.On, CellState.Reference, CellState.Off], block.Cells.Skip(8));
        Assert.Equal(new RowGroupTrim(0, ValueList.Of(128, 1), ValueList.Of(-128, 127)), Assert.Single(block.Trims));
    }

    [Theory]
    [InlineData("cells 2 .1x0", "(10,11): error BNN6004: cell state 'x' is not one of 1 (on), 0 (off), r (reference), . (empty)")]
    [InlineData("cells 3 01", "(10,7): error BNN6005: cells row 3 out of order or outside the subarray; expected a row from 1 to 2")]
    [InlineData("cells 1 01001", "(10,9): error BNN6004: cells row 1 has 5 cells; the subarray has 4 columns")]
    [InlineData("trim group=0 gain=0,1 offset=0,0", "(10,19): error BNN6004: a trim line gives one gain word (1 to 255) and one offset word (-128 to 127) per column")]
    [InlineData("trim group=1 gain=1,1 offset=0,0", "(10,12): error BNN6005: trim group 1 out of sequence; expected 0")]
    [InlineData("stage 1 layer=x rows=1 columns=1 pixels=1 input_bits=1 accumulation=none", "(10,1): error BNN6005: 'stage' after the repair plan")]
    public void Should_Report_A_Damaged_Plan_At_Its_Line(string line, string expected)
    {
        var text = Version3(Plan.Replace("cells 2 .1r0", line, StringComparison.Ordinal));
        Assert.Contains(Errors(text), d => d.ToString().Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("negated=1", "negated=2", "negated must list weight columns of slot_of, each at most once and below 2")]
    [InlineData("row_of=2,0", "row_of=3,0", "row_of must list physical rows of the subarray, each at most once and below 3")]
    [InlineData("blocks=1", "blocks=2", "the repair line announces 2 placement(s); the file holds 1")]
    [InlineData("mode=map+spares+calibrate", "mode=magic", "mode must be one of none, map, map+spares, map+spares+calibrate; got 'magic'")]
    public void Should_Refuse_A_Placement_That_Contradicts_Itself(string field, string replacement, string expected)
    {
        var text = Version3(Plan.Replace(field, replacement, StringComparison.Ordinal));
        Assert.Contains(Errors(text), d => d.Code is IsaCodes.Value or IsaCodes.Structure && d.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Refuse_A_Plan_In_Version_2_And_A_Version_3_Without_One()
    {
        Assert.Contains(Errors(ReaderDiagnosticTests.Program() + "\n" + Plan), d => d.Message.StartsWith("a repair plan needs format version 3", StringComparison.Ordinal));
        Assert.Contains(Errors(Version3(string.Empty)), d => d.Message.Contains("the 'repair' line is missing", StringComparison.Ordinal));
    }

    private static IReadOnlyList<Core.Diagnostics.Diagnostic> Errors(string text) => ReaderDiagnosticTests.Errors(text);

    private static string Version3(string plan) =>
        ReaderDiagnosticTests.Program().Replace("bnnc-program 2", "bnnc-program 3", StringComparison.Ordinal) + "\n" + plan;

    private static BlockPlacement Block(string layer, int[] negated, int? moved, RowGroupTrim[] trims) => new()
    {
        Layer = layer,
        RowBlock = 1,
        ColumnBlock = 2,
        Tile = 5,
        Pe = 1,
        Subarray = moved is null ? 1 : 4,
        MovedFrom = moved,
        Rows = 3,
        Columns = 4,
        StuckCells = 11,
        NaiveErrors = 9,
        Errors = 4,
        RowOf = ValueList.Of(1, 0),
        SlotOf = ValueList.Of(1, 0),
        Negated = negated.ToValueList(),
        Cells = ValueList.Of(CellState.Empty, CellState.Empty, CellState.Empty, CellState.Empty, CellState.On, CellState.Reference, CellState.Empty, CellState.Off,
            CellState.Empty, CellState.Empty, CellState.Empty, CellState.Empty),
        Trims = trims.ToValueList(),
    };
}
