using System.Text.Json;
using BnnCompiler.Core.Units;
using BnnCompiler.Testing;

namespace BnnCompiler.Cli.Tests;

/// <summary>
/// report.md of a data-free sweep lists every point of the grid in each cost table, with the figures of
/// results.json in scaled units; the text reports of cost print the TFC's small figures in units that show them.
/// </summary>
public sealed class SweepReportTests : IDisposable
{
    private static readonly string Tfc = RepoPaths.ExternalModel("tfc-w1a1/TFC_1W1A.qonnx.onnx");
    private static readonly string[] Tables = ["## Area", "## Latency per image", "## Dynamic energy per image", "## Throughput and efficiency"];
    private readonly string _dir = Directory.CreateTempSubdirectory("bnnc-sweep-report-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Should_List_Every_Grid_Point_In_Each_Table()
    {
        var run = CliRun.Of("sweep", Tfc, "--input-bits", "1,4", "--adc-bits", "3..5", "-o", _dir);
        Assert.True(run.ExitCode == 0, run.Error);
        using var results = ReportSchemaAssert.Valid(File.ReadAllText(Path.Combine(_dir, "results.json")), "sweep-results");
        var points = results.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(6, points.Count);
        var report = File.ReadAllText(Path.Combine(_dir, "report.md"));
        foreach (var title in Tables)
        {
            var rows = TableRows(report, title);
            Assert.Equal(points.Count, rows.Count);
            foreach (var p in points)
            {
                var index = p.GetProperty("index").GetInt32();
                var knobs = p.GetProperty("knobs");
                var row = Assert.Single(rows, r => r[0] == index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal($"readout.input_bits={knobs.GetProperty("readout.input_bits").GetString()}, readout.adc_bits={knobs.GetProperty("readout.adc_bits").GetString()}", row[1]);
                var cost = p.GetProperty("cost");
                var expected = title switch
                {
                    "## Area" => ScaledUnits.Area(cost.GetProperty("area_mm2").GetProperty("total").GetDouble()),
                    "## Latency per image" => ScaledUnits.TimeFromMs(cost.GetProperty("latency_ms").GetProperty("total").GetDouble()),
                    "## Dynamic energy per image" => ScaledUnits.Energy(cost.GetProperty("energy_uj").GetProperty("dynamic").GetDouble()),
                    _ => ScaledUnits.Significant(cost.GetProperty("tops").GetDouble()),
                };
                Assert.Equal(expected, row[2]);
            }
        }
    }

    [Fact]
    public void Should_Print_Small_Figures_In_Units_That_Show_Them()
    {
        var json = CliRun.Of("cost", Tfc, "--json");
        using var doc = JsonDocument.Parse(json.Output);
        var dynamicUj = doc.RootElement.GetProperty("cost").GetProperty("energy_uj").GetProperty("dynamic").GetDouble();
        Assert.True(dynamicUj < 0.01, $"the TFC's energy is below 0.01 µJ ({dynamicUj})");
        var text = CliRun.Of("cost", Tfc).Output;
        Assert.Contains("energy   " + ScaledUnits.Energy(dynamicUj).PadLeft(13), text);
        var shown = ScaledUnits.Energy(dynamicUj).Split(' ');
        var number = double.Parse(shown[0], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(number, 1, 999.9);
        Assert.NotEqual("µJ", shown[1]);
        foreach (var layer in doc.RootElement.GetProperty("layers").EnumerateArray())
        {
            var line = text.Split('\n').Single(l => l.StartsWith(layer.GetProperty("name").GetString() + " ", StringComparison.Ordinal));
            Assert.Contains(ScaledUnits.Energy(layer.GetProperty("energy_uj").GetProperty("total").GetDouble()), line);
            Assert.DoesNotContain(" 0.000 ", line);
        }
    }

    /// <summary>The cells of each data row of the markdown table under <paramref name="title"/>.</summary>
    private static List<string[]> TableRows(string markdown, string title)
    {
        var lines = markdown.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith(title, StringComparison.Ordinal));
        Assert.True(start >= 0, $"no table '{title}'");
        return lines.Skip(start + 4).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray()).ToList();
    }
}
