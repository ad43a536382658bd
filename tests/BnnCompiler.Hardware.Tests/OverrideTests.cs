using BnnCompiler.Core.Diagnostics;
using static BnnCompiler.Hardware.Tests.TestSupport;

namespace BnnCompiler.Hardware.Tests;

/// <summary><c>--set key.path=value</c>: applied to any key, checked like a value in the file, located as <c>--set key.path</c>.</summary>
public class OverrideTests
{
    [Fact]
    public void Should_Apply_Overrides_To_Any_Key()
    {
        var spec = HardwareSpecLoader.Load(SpecPath("default.yaml"),
        [
            "subarray.rows=256",
            "readout.adc_bits=3",
            "cell.type=fefet",
            "chip.tiles.rows=4",
            "chip.tiles.columns=4",
            "non_idealities.device_variation.sigma=0.1",
            "non_idealities.finite_on_off_ratio=true",
            "name=\"my chip\"",
        ]);

        Assert.Equal(256, spec.Subarray.Rows);
        Assert.Equal(3, spec.Readout.AdcBits);
        Assert.Equal(CellType.Fefet, spec.Cell.Type);
        Assert.Equal(new GridSpec(4, 4), spec.Chip.Tiles);
        Assert.Equal(0.1, spec.NonIdealities.DeviceVariation.Sigma);
        Assert.True(spec.NonIdealities.FiniteOnOffRatio);
        Assert.Equal("my chip", spec.Name);
    }

    [Fact]
    public void Should_Validate_Overrides_Like_File_Values()
    {
        Assert.Equal(
            ["--set subarray.rows: error BNN2004: subarray.rows must be a power of two from 8 to 4096; got 100"],
            Errors("version: 1\n", "subarray.rows=100"));
    }

    [Fact]
    public void Should_Report_Unknown_Override_Key_With_Suggestion()
    {
        Assert.Equal(
            ["--set subarray.rws: error BNN2005: unknown key subarray.rws; did you mean subarray.rows? subarray allows: rows, columns, parallel_rows, spare_rows, spare_columns"],
            Errors("version: 1\n", "subarray.rws=128"));
    }

    [Fact]
    public void Should_Suggest_The_Whole_Path_When_A_Section_Is_Misspelt()
    {
        Assert.Equal(
            ["--set subaray.rows: error BNN2005: unknown key subaray.rows; did you mean subarray.rows? the top level allows: version, name, technology, cell, weights, chip, tile, pe, subarray, readout, clock, pipeline, non_idealities, cost, repair"],
            Errors("version: 1\n", "subaray.rows=128"));
    }

    [Theory]
    [InlineData("adc_bits", "--set adc_bits: error BNN2010: --set takes key.path=value (e.g. subarray.rows=256); got 'adc_bits'")]
    [InlineData("=5", "--set : error BNN2010: --set takes key.path=value (e.g. subarray.rows=256); got '=5'")]
    [InlineData("subarray=1", "--set subarray: error BNN2010: subarray is a section; --set takes one of its keys: subarray.rows, subarray.columns, subarray.parallel_rows, subarray.spare_rows, subarray.spare_columns")]
    [InlineData("version=2", "--set version: error BNN2010: version cannot be set with --set; it is the version of the file's schema")]
    public void Should_Report_Malformed_Overrides(string item, string expected)
    {
        Assert.Equal([expected], Errors("version: 1\n", item));
    }

    [Fact]
    public void Should_Let_An_Override_Replace_A_Bad_File_Value()
    {
        var spec = Parse("version: 1\nsubarray:\n  rows: 100\n", "subarray.rows=64");

        Assert.Equal(64, spec.Subarray.Rows);
    }

    [Fact]
    public void Should_Report_File_And_Override_Errors_Together()
    {
        Assert.Equal(
            [
                "x.yaml(3,9): error BNN2004: subarray.rows must be a power of two from 8 to 4096; got 100",
                "--set readout.adc_bits: error BNN2006: readout.adc_bits must be an integer from 1 to 10; got 'five', which is not an integer",
                "--set clock.mode: error BNN2009: clock.period_ns is required when clock.mode is fixed",
            ],
            Errors("version: 1\nsubarray:\n  rows: 100\n", "readout.adc_bits=five", "clock.mode=fixed"));
    }

    [Fact]
    public void Should_Let_An_On_Off_Ratio_Override_Replace_The_Files_R_Off()
    {
        var spec = HardwareSpecLoader.Load(SpecPath("default.yaml"), ["cell.on_off_ratio=17"]);

        Assert.Equal(6000 * 17, spec.Cell.ROffOhm);
    }

    [Fact]
    public void Should_Apply_Overrides_To_A_Loaded_Spec_For_Sweeps()
    {
        var study = HardwareSpecLoader.Load(SpecPath("default.yaml"), []);

        var swept = Enumerable.Range(3, 6).Select(bits => HardwareSpecLoader.ApplyOverrides(study, [$"readout.adc_bits={bits}"])).ToList();

        Assert.Equal([3, 4, 5, 6, 7, 8], swept.Select(s => s.Readout.AdcBits));
        Assert.All(swept, s => Assert.Equal(study with { Readout = study.Readout with { AdcBits = s.Readout.AdcBits } }, s));
    }

    [Fact]
    public void Should_Validate_Overrides_Of_A_Loaded_Spec()
    {
        var study = HardwareSpecLoader.Load(SpecPath("default.yaml"), []);

        var exception = Assert.Throws<DiagnosticException>(() => HardwareSpecLoader.ApplyOverrides(study, ["readout.adc_bits=0", "subarray.columns=16", "readout.columns_per_adc=32"]));

        Assert.Equal(
            [
                "--set readout.adc_bits: error BNN2004: readout.adc_bits must be an integer from 1 to 10; got 0",
                "--set readout.columns_per_adc: error BNN2009: readout.columns_per_adc must be at most subarray.columns (16); got 32",
            ],
            exception.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Should_Take_Spare_Subarrays_Per_Pe_From_0_To_16()
    {
        var study = HardwareSpecLoader.Load(SpecPath("default.yaml"), []);
        Assert.Equal(0, study.Pe.SpareSubarrays);
        Assert.Equal(2, HardwareSpecLoader.ApplyOverrides(study, ["pe.spare_subarrays=2"]).Pe.SpareSubarrays);
        var exception = Assert.Throws<DiagnosticException>(() => HardwareSpecLoader.ApplyOverrides(study, ["pe.spare_subarrays=17"]));
        Assert.Equal(["--set pe.spare_subarrays: error BNN2004: pe.spare_subarrays must be an integer from 0 to 16; got 17"],
            exception.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Should_Keep_A_Spec_Unchanged_With_No_Overrides()
    {
        foreach (var file in new[] { "default.yaml", "tiny.yaml", "sram.yaml", "fefet.yaml" })
        {
            var spec = HardwareSpecLoader.Load(SpecPath(file), []);

            Assert.Equal(spec, HardwareSpecLoader.ApplyOverrides(spec, []));
        }
    }
}
