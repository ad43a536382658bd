using BnnCompiler.Core.Diagnostics;
using static BnnCompiler.Hardware.Tests.TestSupport;

namespace BnnCompiler.Hardware.Tests;

/// <summary>Every class of bad spec: the exact message, code, line and column, and the YAML path in the message.</summary>
public class SpecDiagnosticTests
{
    [Fact]
    public void Should_Report_Unknown_Key_With_Suggestion()
    {
        // Given a misspelt key
        const string yaml = "version: 1\nsubarray:\n  rws: 128\n";

        // Then the nearest valid key and what the section allows are named, at the key's position
        Assert.Equal(
            ["x.yaml(3,3): error BNN2005: unknown key subarray.rws; did you mean subarray.rows? subarray allows: rows, columns, parallel_rows, spare_rows, spare_columns"],
            Errors(yaml));
    }

    [Fact]
    public void Should_Suggest_The_Key_Of_The_Same_Name_In_Another_Section()
    {
        Assert.Equal(
            ["x.yaml(3,3): error BNN2005: unknown key subarray.adc_bits; did you mean readout.adc_bits? subarray allows: rows, columns, parallel_rows, spare_rows, spare_columns"],
            Errors("version: 1\nsubarray:\n  adc_bits: 4\n"));
    }

    [Fact]
    public void Should_Report_Unknown_Key_Without_Suggestion_When_Nothing_Is_Near()
    {
        Assert.Equal(
            ["x.yaml(2,1): error BNN2005: unknown key flux_capacitor; the top level allows: version, name, technology, cell, weights, chip, tile, pe, subarray, readout, clock, pipeline, non_idealities, cost, repair"],
            Errors("version: 1\nflux_capacitor: 1\n"));
    }

    [Fact]
    public void Should_Report_Wrong_Type_With_What_Is_Allowed()
    {
        var diagnostic = Assert.Single(Diagnostics("version: 1\nsubarray:\n  rows: abc\n"));

        Assert.Equal("BNN2006", diagnostic.Code);
        Assert.Equal(new SourceLocation("x.yaml", 3, 9), diagnostic.Location);
        Assert.Equal("subarray.rows must be a power of two from 8 to 4096; got 'abc', which is not an integer", diagnostic.Message);
    }

    [Fact]
    public void Should_Report_A_Mapping_Where_A_Value_Belongs_As_Wrong_Type()
    {
        Assert.Equal(
            ["x.yaml(4,5): error BNN2006: readout.adc_bits must be an integer from 1 to 10; got a mapping"],
            Errors("version: 1\nreadout:\n  adc_bits:\n    value: 5\n"));
    }

    [Fact]
    public void Should_Report_An_Empty_Value_As_Wrong_Type()
    {
        Assert.Equal(
            ["x.yaml(3,8): error BNN2006: subarray.rows must be a power of two from 8 to 4096; got nothing"],
            Errors("version: 1\nsubarray:\n  rows:\n"));
    }

    [Fact]
    public void Should_Report_A_Section_That_Is_Not_A_Mapping()
    {
        Assert.Equal(
            ["x.yaml(2,11): error BNN2006: subarray must be a mapping of rows, columns, parallel_rows, spare_rows, spare_columns; got '128'"],
            Errors("version: 1\nsubarray: 128\n"));
    }

    [Fact]
    public void Should_Report_Rows_That_Are_Not_A_Power_Of_Two()
    {
        // The issue's own example
        Assert.Equal(
            ["x.yaml(3,9): error BNN2004: subarray.rows must be a power of two from 8 to 4096; got 100"],
            Errors("version: 1\nsubarray:\n  rows: 100\n"));
    }

    [Fact]
    public void Should_Report_Negative_Resistance()
    {
        Assert.Equal(
            ["x.yaml(3,13): error BNN2004: cell.r_on_ohm must be a number greater than 0; got -6000"],
            Errors("version: 1\ncell:\n  r_on_ohm: -6000\n"));
    }

    [Fact]
    public void Should_Report_Zero_Bit_Adc()
    {
        Assert.Equal(
            ["x.yaml(3,13): error BNN2004: readout.adc_bits must be an integer from 1 to 10; got 0"],
            Errors("version: 1\nreadout:\n  adc_bits: 0\n"));
    }

    [Fact]
    public void Should_Report_A_Huge_Integer_As_Out_Of_Range()
    {
        Assert.Equal(
            ["x.yaml(3,13): error BNN2004: readout.adc_bits must be an integer from 1 to 10; got 123456789012345678901234567890"],
            Errors("version: 1\nreadout:\n  adc_bits: 123456789012345678901234567890\n"));
    }

    [Fact]
    public void Should_Report_A_Rate_Above_One()
    {
        Assert.Equal(
            ["x.yaml(3,21): error BNN2004: non_idealities.stuck_at_on_rate must be a number from 0 to 1; got 1.5"],
            Errors("version: 1\nnon_idealities:\n  stuck_at_on_rate: 1.5\n"));
    }

    [Fact]
    public void Should_Report_A_Word_That_Is_Not_A_Choice_With_Suggestion()
    {
        Assert.Equal(
            ["x.yaml(3,9): error BNN2007: cell.type must be one of rram, sram, fefet; got 'rrma'; did you mean rram?"],
            Errors("version: 1\ncell:\n  type: rrma\n"));
    }

    [Fact]
    public void Should_Report_Duplicate_Key()
    {
        Assert.Equal(
            ["x.yaml(4,3): error BNN2008: duplicate key subarray.rows; it was first given at line 3"],
            Errors("version: 1\nsubarray:\n  rows: 128\n  rows: 256\n"));
    }

    [Fact]
    public void Should_Report_Syntax_Error_With_Its_Line()
    {
        Assert.Equal(
            ["x.yaml(4,11): error BNN2002: YAML syntax error: while scanning a plain scalar value, found invalid mapping"],
            Errors("version: 1\nsubarray:\n  rows: 128\n   columns: 3\n"));
    }

    [Fact]
    public void Should_Report_An_Unclosed_Bracket_As_Syntax_Error()
    {
        var diagnostic = Assert.Single(Diagnostics("version: 1\nsubarray:\n  rows: [128\n"));

        Assert.Equal("BNN2002", diagnostic.Code);
        Assert.Equal(4, diagnostic.Location?.Line);
        Assert.StartsWith("YAML syntax error: ", diagnostic.Message);
    }

    [Fact]
    public void Should_Report_Text_That_Is_Not_A_Mapping()
    {
        Assert.Equal(
            ["x.yaml(1,1): error BNN2002: a hardware spec is a YAML mapping of keys (version: 1, cell: …); got 'hello world'"],
            Errors("hello world\n"));
    }

    [Fact]
    public void Should_Report_More_Than_One_Document()
    {
        Assert.Equal(
            ["x.yaml(3,1): error BNN2002: a hardware spec is one YAML document; found 2"],
            Errors("version: 1\n---\nversion: 1\n"));
    }

    [Fact]
    public void Should_Report_Missing_Version_And_Still_Check_The_Rest()
    {
        Assert.Equal(
            [
                "x.yaml(1,1): error BNN2003: version is missing; a hardware spec starts with 'version: 1'",
                "x.yaml(2,9): error BNN2004: subarray.rows must be a power of two from 8 to 4096; got 100",
            ],
            Errors("subarray:\n  rows: 100\n"));
    }

    [Fact]
    public void Should_Report_Missing_Version_Of_An_Empty_File()
    {
        Assert.Equal(["x.yaml(1,1): error BNN2003: version is missing; a hardware spec starts with 'version: 1'"], Errors(""));
    }

    [Fact]
    public void Should_Report_Only_The_Version_When_It_Is_Not_One_This_Tool_Reads()
    {
        Assert.Equal(
            ["x.yaml(1,10): error BNN2003: version must be 1 (the hardware spec version this tool reads); got '2'"],
            Errors("version: 2\nsubarray:\n  rows: 100\n"));
    }

    [Fact]
    public void Should_Report_Missing_File()
    {
        var exception = Assert.Throws<DiagnosticException>(() => HardwareSpecLoader.Load("hwspecs/no-such.yaml", []));

        Assert.Equal(["hwspecs/no-such.yaml: error BNN2001: hardware spec file not found"], exception.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Should_Report_R_Off_Not_Above_R_On()
    {
        Assert.Equal(
            ["x.yaml(4,14): error BNN2009: cell.r_off_ohm must be greater than cell.r_on_ohm (6000); got 5000"],
            Errors("version: 1\ncell:\n  r_on_ohm: 6000\n  r_off_ohm: 5000\n"));
    }

    [Fact]
    public void Should_Report_R_Off_And_On_Off_Ratio_Given_Together()
    {
        Assert.Equal(
            ["x.yaml(3,17): error BNN2009: cell.r_off_ohm and cell.on_off_ratio both set R_off; give only one"],
            Errors("version: 1\ncell:\n  on_off_ratio: 10\n  r_off_ohm: 5000\n"));
    }

    [Fact]
    public void Should_Set_R_Off_From_The_On_Off_Ratio()
    {
        var spec = Parse("version: 1\ncell:\n  r_on_ohm: 100000\n  on_off_ratio: 17\n");

        Assert.Equal(1700000, spec.Cell.ROffOhm);
    }

    [Fact]
    public void Should_Report_Fixed_Clock_Without_Period()
    {
        Assert.Equal(
            ["x.yaml(3,9): error BNN2009: clock.period_ns is required when clock.mode is fixed"],
            Errors("version: 1\nclock:\n  mode: fixed\n"));
    }

    [Fact]
    public void Should_Report_Half_Automatic_Grid()
    {
        Assert.Equal(
            ["x.yaml(4,11): error BNN2009: chip.tiles.rows and chip.tiles.columns must both be numbers or both be auto; got rows 4, columns auto"],
            Errors("version: 1\nchip:\n  tiles:\n    rows: 4\n"));
    }

    [Fact]
    public void Should_Report_A_Column_Cap_Above_The_Subarrays_Columns()
    {
        Assert.Equal(
            ["x.yaml(5,16): error BNN2009: repair.max_columns must be at most subarray.columns (64); got 128"],
            Errors("version: 1\nsubarray:\n  columns: 64\nrepair:\n  max_columns: 128\n"));
        Assert.Equal(32, Parse("version: 1\nrepair:\n  max_columns: 32\n").WeightColumnsPerSubarray);
        Assert.Equal(128, Parse("version: 1\nrepair:\n  max_columns: all\n").WeightColumnsPerSubarray);
    }

    [Fact]
    public void Should_Report_More_Columns_Per_Adc_Than_Columns()
    {
        Assert.Equal(
            ["x.yaml(5,20): error BNN2009: readout.columns_per_adc must be at most subarray.columns (16); got 32"],
            Errors("version: 1\nsubarray:\n  columns: 16\nreadout:\n  columns_per_adc: 32\n"));
    }

    [Fact]
    public void Should_Report_Several_Errors_At_Once_In_File_Order()
    {
        // Given a file with one problem of each kind
        const string yaml = """
            version: 1
            cell:
              r_on_ohm: -1
              type: pcm
            subarray:
              rows: 100
              rows: 128
              colums: 128
            readout:
              adc_bits: 0
              columns_per_adc: eight
            non_idealities:
              stuck_at_on_rate: 0.7
              stuck_at_off_rate: 0.6
            """;

        // Then every one is reported, sorted by position
        Assert.Equal(
            [
                "x.yaml(3,13): error BNN2004: cell.r_on_ohm must be a number greater than 0; got -1",
                "x.yaml(4,9): error BNN2007: cell.type must be one of rram, sram, fefet; got 'pcm'",
                "x.yaml(6,9): error BNN2004: subarray.rows must be a power of two from 8 to 4096; got 100",
                "x.yaml(7,3): error BNN2008: duplicate key subarray.rows; it was first given at line 6",
                "x.yaml(8,3): error BNN2005: unknown key subarray.colums; did you mean subarray.columns? subarray allows: rows, columns, parallel_rows, spare_rows, spare_columns",
                "x.yaml(10,13): error BNN2004: readout.adc_bits must be an integer from 1 to 10; got 0",
                "x.yaml(11,20): error BNN2006: readout.columns_per_adc must be a power of two from 1 to 4096; got 'eight', which is not an integer",
                "x.yaml(14,22): error BNN2009: non_idealities.stuck_at_on_rate + non_idealities.stuck_at_off_rate must be at most 1; got 1.3",
            ],
            Errors(yaml));
    }

    [Fact]
    public void Should_Accept_Keywords_And_Anchors()
    {
        var spec = Parse("version: 1\nsubarray:\n  rows: &n 256\n  columns: *n\n  parallel_rows: ALL\n");

        Assert.Equal((256, 256, 256), (spec.Subarray.Rows, spec.Subarray.Columns, spec.Subarray.ParallelRows));
    }

    [Fact]
    public void Should_Treat_An_Empty_Section_As_All_Defaults()
    {
        Assert.Equal(Parse("version: 1\n"), Parse("version: 1\nnon_idealities:\n"));
    }
}
