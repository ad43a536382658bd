using System.Globalization;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using BnnCompiler.Testing;

namespace BnnCompiler.Cli.Tests;

/// <summary>
/// <c>bnnc sweep --html</c> and <c>bnnc report DIR</c>: report.html is well-formed (read by an XML parser), needs
/// nothing from the network (no script, stylesheet link or image other than inline PNG data), names the model, spec
/// and data, carries every point of results.json with its accuracy, the heatmap cell of every (input bits, ADC bits)
/// point, and one inline image per plot the sweep wrote.
/// </summary>
public sealed class SweepHtmlTests : IDisposable
{
    private static readonly string Mlp = RepoPaths.Require(RepoPaths.Repo("onnx-models/fmnist-mlp.onnx"));
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private readonly string _dir = Directory.CreateTempSubdirectory("bnnc-html-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Should_Write_A_Self_Contained_Report_With_Every_Point()
    {
        // Given a 2 × 3 sweep with data, written with --html
        var sweep = Path.Combine(_dir, "sweep");
        var run = CliRun.Of("sweep", Mlp, "--data", "fashion-mnist", "--limit", "40", "--input-bits", "1,4", "--adc-bits", "3..5", "--html", "-o", sweep);
        Assert.True(run.ExitCode == 0, run.Error);

        // When report.html is read as XML
        var html = Read(Path.Combine(sweep, "report.html"));

        // Then it names its sources and needs nothing from outside
        var text = html.Root!.Value;
        Assert.Contains("fmnist-mlp.onnx", text, StringComparison.Ordinal);
        Assert.Contains("default.yaml", text, StringComparison.Ordinal);
        Assert.Contains("fashion-mnist (40 images)", text, StringComparison.Ordinal);
        Assert.Empty(html.Descendants(Xhtml + "script"));
        Assert.Empty(html.Descendants(Xhtml + "link"));
        Assert.Empty(html.Descendants().Attributes("href"));
        var images = html.Descendants(Xhtml + "img").Select(i => (string)i.Attribute("src")!).ToList();
        Assert.All(images, src => Assert.StartsWith("data:image/png;base64,", src, StringComparison.Ordinal));
        Assert.All(images, src => Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], Convert.FromBase64String(src[22..])[..4]));
        Assert.Equal(Directory.GetFiles(sweep, "*.png").Length, images.Count);

        // And every point of results.json is a row with its accuracy, and a heatmap cell
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(sweep, "results.json")));
        var rows = results.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(6, rows.Count);
        var heatmap = html.Descendants(Xhtml + "table").Single(t => (string?)t.Attribute("id") == "heatmap");
        var adcs = heatmap.Elements(Xhtml + "tr").First().Elements(Xhtml + "th").Skip(1).Select(th => th.Value).ToList();
        foreach (var row in rows)
        {
            var index = row.GetProperty("index").GetInt32();
            var top1 = (100 * row.GetProperty("simulated_top1").GetDouble()).ToString("F2", CultureInfo.InvariantCulture);
            var tr = html.Descendants(Xhtml + "tr").Single(t => (string?)t.Attribute("id") == $"point-{index}");
            var cells = tr.Elements(Xhtml + "td").Select(td => td.Value).ToList();
            var knobs = row.GetProperty("knobs");
            Assert.Equal([index.ToString(CultureInfo.InvariantCulture), knobs.GetProperty("readout.input_bits").GetString()!, knobs.GetProperty("readout.adc_bits").GetString()!], cells[..3]);
            Assert.Equal(top1, cells[4]);
            var heatRow = heatmap.Elements(Xhtml + "tr").Single(t => t.Elements(Xhtml + "th").First().Value == knobs.GetProperty("readout.input_bits").GetString());
            Assert.Equal(top1, heatRow.Elements(Xhtml + "td").ElementAt(adcs.IndexOf(knobs.GetProperty("readout.adc_bits").GetString()!)).Value);
        }
    }

    [Fact]
    public void Should_Rebuild_The_Report_From_A_Sweep_Folder()
    {
        var sweep = Path.Combine(_dir, "sweep");
        Assert.Equal(0, CliRun.Of("sweep", Mlp, "--adc-bits", "3,4", "-o", sweep).ExitCode);
        Assert.False(File.Exists(Path.Combine(sweep, "report.html")));

        var run = CliRun.Of("report", sweep);

        Assert.True(run.ExitCode == 0, run.Error);
        var html = Read(Path.Combine(sweep, "report.html"));
        Assert.Equal(2, html.Descendants(Xhtml + "tr").Count(t => ((string?)t.Attribute("id"))?.StartsWith("point-", StringComparison.Ordinal) == true));
        Assert.Contains("none (hardware only)", html.Root!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_A_Folder_Without_Results()
    {
        CliRun.Of("report", _dir).ShouldFailWith("BNN7002", "results.json");
        File.WriteAllText(Path.Combine(_dir, "results.json"), "{\"rows\": 3}");
        CliRun.Of("report", _dir).ShouldFailWith("BNN7002", "not a sweep's results");
        Assert.False(File.Exists(Path.Combine(_dir, "report.html")));
    }

    private static XDocument Read(string path)
    {
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }
}
