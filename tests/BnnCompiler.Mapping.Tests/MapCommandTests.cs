using System.Text.Json;
using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Cli.Commands;
using BnnCompiler.Core.Diagnostics;

namespace BnnCompiler.Mapping.Tests;

/// <summary><c>bnnc map</c>: the table, the JSON and the diagnostics, run through the command's own option parsing.</summary>
public class MapCommandTests
{
    [Fact]
    public void Should_Print_The_Layer_Table_And_Chip_Totals()
    {
        var text = Run(TestFiles.TfcModel, "--hw", TestFiles.Spec("tiny.yaml"), "--chip");

        Assert.Contains("floorplan  chip 8x8 tiles, tile 2x2 PEs, PE 2x2 subarrays: 32x64 weights a tile", text);
        Assert.Matches(@"\n0  MatMul_16  binary  784x64 +1 +1  98x4 +392 +98 +25 +1 +25 +100\.0 % +98\.0 %  chip +4 +1\n", text);
        Assert.Contains("tiles      31 used of 64 (8x8); 118 PEs, 464 subarrays", text);
        Assert.Contains("chip ops   31 (reshape), 37 (threshold)", text);
        Assert.Contains("\n .  3  3  2  2  1  1  0\n", text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Should_Print_The_Same_Data_As_Json()
    {
        var json = Run(TestFiles.TfcModel, "--hw", TestFiles.Spec("tiny.yaml"), "--set", "pipeline.mode=layer_by_layer", "--json");

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var layers = root.GetProperty("layers");
        Assert.Equal(4, layers.GetArrayLength());
        Assert.Equal(25, layers[0].GetProperty("tiles").GetInt32());
        Assert.Equal(98, layers[0].GetProperty("row_blocks").GetInt32());
        Assert.Equal("layer_by_layer", root.GetProperty("schedule").GetProperty("mode").GetString());
        Assert.Equal(16, root.GetProperty("schedule").GetProperty("image_interval_cycles").GetInt64());
        Assert.Equal(31, root.GetProperty("totals").GetProperty("tiles_used").GetInt32());
        Assert.Equal(8, root.GetProperty("floorplan").GetProperty("tiles").GetProperty("rows").GetInt32());
    }

    [Fact]
    public void Should_Report_Spec_Errors_From_Set()
    {
        var error = Assert.Throws<DiagnosticException>(() => Run(TestFiles.TfcModel, "--hw", TestFiles.Spec("tiny.yaml"), "--set", "readout.adc_bitz=3"));

        Assert.Equal("BNN2005", Assert.Single(error.Diagnostics).Code);
    }

    [Fact]
    public void Should_Report_A_Layer_Larger_Than_The_Chip()
    {
        var error = Assert.Throws<DiagnosticException>(() =>
            Run(TestFiles.TfcModel, "--hw", TestFiles.Spec("tiny.yaml"), "--set", "chip.tiles.rows=2", "--set", "chip.tiles.columns=2"));

        var d = Assert.Single(error.Diagnostics);
        Assert.Equal(MappingCodes.LayerTooLarge, d.Code);
        Assert.StartsWith("layer 'MatMul_16' (784x64 weights) needs 25 tiles", d.Message);
    }

    [Fact]
    public void Should_Reject_An_Empty_Spec_Path()
    {
        var error = Assert.Throws<DiagnosticException>(() => Run(TestFiles.TfcModel, "--hw="));

        Assert.Equal($"bnnc map: error BNN1001: option --hw needs a value: {HardwareOptions.Hw.Help}", Assert.Single(error.Diagnostics).ToString());
    }

    private static string Run(params string[] args)
    {
        var command = MapCommand.Command;
        var parsed = ArgumentParser.Parse(command.Name, args, command.Options, command.MaxPositionals);
        using var output = new StringWriter();
        Assert.Equal(0, command.Run(parsed, output));
        return output.ToString();
    }
}
