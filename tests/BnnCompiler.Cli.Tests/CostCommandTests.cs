using System.Globalization;
using System.Text.Json;
using BnnCompiler.Hardware;
using BnnCompiler.Testing;

namespace BnnCompiler.Cli.Tests;

/// <summary>
/// <c>bnnc cost</c> and the cost section of <c>bnnc evaluate -o</c> on the shipped default model and spec: the JSON
/// carries every figure for the chip and each crossbar layer, the breakdowns add up, the throughput figures follow
/// from the report's own latency, energy and area and from the mapping's MAC count, the text report names the
/// largest parts, and bad input gives one diagnostic with exit code 2.
/// </summary>
public sealed class CostCommandTests : IDisposable
{
    private static readonly string Model = RepoPaths.Require(RepoPaths.Repo("onnx-models/fmnist-cnn.onnx"));
    private static readonly string Spec = RepoPaths.Require(RepoPaths.Repo("hwspecs/default.yaml"));
    private static readonly string[] Buckets = ["accumulation", "adc", "buffer", "crossbar", "interconnect", "other"];
    private readonly string _dir = Directory.CreateTempSubdirectory("bnnc-cost-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Should_Carry_Every_Figure_For_The_Chip_And_Each_Crossbar_Layer()
    {
        using var cost = Json("cost", Model, "--hw", Spec, "--json");
        using var map = Json("map", Model, "--hw", Spec, "--json");
        RequireFigures(cost.RootElement.GetProperty("cost"), "cost");
        var layers = cost.RootElement.GetProperty("layers").EnumerateArray().ToList();
        foreach (var l in layers)
        {
            RequireFigures(l, $"layer {l.GetProperty("name").GetString()}");
        }

        var mapped = map.RootElement.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("name").GetString()).ToList();
        Assert.Equal(6, mapped.Count);  // conv1–conv4, fc1, fc2
        Assert.Equal(mapped, layers.Select(l => l.GetProperty("name").GetString()).ToList());
    }

    [Fact]
    public void Should_Have_Breakdowns_That_Add_Up_To_Their_Totals()
    {
        using var cost = Json("cost", Model, "--hw", Spec, "--json");
        var chip = cost.RootElement.GetProperty("cost");
        var layers = cost.RootElement.GetProperty("layers").EnumerateArray().ToList();
        foreach (var (f, what) in layers.Select(l => (l, l.GetProperty("name").GetString()!)).Prepend((chip, "chip")))
        {
            Close(Num(f, "area_mm2", "total"), BucketSum(f, "area_mm2"), $"{what} area");
            Close(Num(f, "latency_ms", "total"), BucketSum(f, "latency_ms"), $"{what} latency");
            Close(Num(f, "energy_uj", "dynamic"), BucketSum(f, "energy_uj"), $"{what} dynamic energy");
        }

        Close(Num(chip, "energy_uj", "dynamic"), layers.Sum(l => Num(l, "energy_uj", "dynamic")), "layers' dynamic energy");
    }

    [Fact]
    public void Should_Derive_Throughput_From_Its_Own_Latency_Energy_Area_And_The_Mapped_Macs()
    {
        using var cost = Json("cost", Model, "--hw", Spec, "--json");
        using var map = Json("map", Model, "--hw", Spec, "--json");
        var chip = cost.RootElement.GetProperty("cost");
        var layers = cost.RootElement.GetProperty("layers").EnumerateArray().ToList();
        var mapped = map.RootElement.GetProperty("layers").EnumerateArray().ToDictionary(l => l.GetProperty("name").GetString()!);
        var chipTiles = map.RootElement.GetProperty("floorplan").GetProperty("tiles").GetProperty("count").GetInt32();

        // MACs of a layer = weight rows × weight columns × output pixels, from the mapping alone.
        double Macs(JsonElement m) => (double)m.GetProperty("rows").GetInt32() * m.GetProperty("columns").GetInt32() * m.GetProperty("output_pixels").GetInt32();
        foreach (var l in layers)
        {
            var name = l.GetProperty("name").GetString()!;
            Throughput(l, 2 * Macs(mapped[name]), name);

            // Area and leakage are the chip's shared out by the layer's tiles.
            var share = (double)mapped[name].GetProperty("tiles").GetInt32() / chipTiles;
            Close(Num(chip, "area_mm2", "total") * share, Num(l, "area_mm2", "total"), $"{name} area share");
            Close(Num(chip, "energy_uj", "leakage") * share, Num(l, "energy_uj", "leakage"), $"{name} leakage share");
        }

        Throughput(chip, 2 * mapped.Values.Sum(Macs), "chip");

        // A layer-pipelined chip takes a new image every slowest stage.
        Assert.Equal("layer_pipelined", map.RootElement.GetProperty("schedule").GetProperty("mode").GetString());
        Close(layers.Max(l => Num(l, "latency_ms", "total")), Num(chip, "latency_ms", "total"), "chip interval = slowest stage");
    }

    [Fact]
    public void Should_Price_A_Wider_Adc_Higher_In_Area_And_Energy()
    {
        using var three = Json("cost", Model, "--hw", Spec, "--set", "readout.adc_bits=3", "--json");
        using var eight = Json("cost", Model, "--hw", Spec, "--set", "readout.adc_bits=8", "--json");
        Assert.Equal(3, three.RootElement.GetProperty("adc_bits").GetInt32());
        Assert.Equal(8, eight.RootElement.GetProperty("adc_bits").GetInt32());
        var a = three.RootElement.GetProperty("cost");
        var b = eight.RootElement.GetProperty("cost");
        Assert.True(Num(b, "area_mm2", "total") > Num(a, "area_mm2", "total"), "area total");
        Assert.True(Num(b, "area_mm2", "breakdown", "adc") > Num(a, "area_mm2", "breakdown", "adc"), "ADC area");
        Assert.True(Num(b, "energy_uj", "dynamic") > Num(a, "energy_uj", "dynamic"), "dynamic energy");
        Assert.True(Num(b, "energy_uj", "breakdown", "adc") > Num(a, "energy_uj", "breakdown", "adc"), "ADC energy");

        // The cells, the array and the buffers do not depend on the ADC.
        Close(Num(a, "area_mm2", "breakdown", "crossbar"), Num(b, "area_mm2", "breakdown", "crossbar"), "crossbar area");
    }

    [Fact]
    public void Should_Name_The_Largest_Components_And_Layers_In_The_Bottleneck_Line()
    {
        using var cost = Json("cost", Model, "--hw", Spec, "--json");
        var text = CliRun.Of("cost", Model, "--hw", Spec);
        Assert.True(text.ExitCode == 0, text.Error);
        var chip = cost.RootElement.GetProperty("cost");
        var layers = cost.RootElement.GetProperty("layers").EnumerateArray().ToList();
        string Largest(string figure) => Buckets.MaxBy(k => Num(chip, figure, "breakdown", k))!;
        string Top(Func<JsonElement, double> key) => string.Join(", ", layers.OrderByDescending(key).Take(3).Select(l => l.GetProperty("name").GetString()));
        var expected = $"bottleneck: area {Largest("area_mm2")} ({Top(l => Num(l, "area_mm2", "total"))}); "
            + $"latency {Largest("latency_ms")} ({Top(l => Num(l, "latency_ms", "total"))}); "
            + $"energy {Largest("energy_uj")} ({Top(l => Num(l, "energy_uj", "dynamic") + Num(l, "energy_uj", "leakage"))})";
        var line = text.Output.Split('\n').Select(s => s.TrimEnd('\r')).Single(s => s.StartsWith("bottleneck:", StringComparison.Ordinal));
        Assert.Equal(expected, line);

        var b = cost.RootElement.GetProperty("bottleneck");
        Assert.Equal(Largest("area_mm2"), b.GetProperty("area_component").GetString());
        Assert.Equal(Largest("latency_ms"), b.GetProperty("latency_component").GetString());
        Assert.Equal(Largest("energy_uj"), b.GetProperty("energy_component").GetString());
    }

    [Fact]
    public void Should_Report_A_Missing_Model()
    {
        var path = Path.Combine(_dir, "absent.onnx");
        var run = CliRun.Of("cost", path, "--hw", Spec);
        run.ShouldFailWith("BNN3001", path, "model file not found");
        Assert.Empty(run.Output);
    }

    [Fact]
    public void Should_Report_A_Model_That_Is_Not_Onnx()
    {
        var path = Path.Combine(_dir, "notes.onnx");
        File.WriteAllText(path, "these are notes, not a model\n");
        CliRun.Of("cost", path, "--hw", Spec).ShouldFailWith("BNN3003", path, "not a valid ONNX model");
    }

    [Fact]
    public void Should_Report_An_Unknown_Set_Key_With_The_Allowed_Keys()
    {
        CliRun.Of("cost", Model, "--hw", Spec, "--set", "readout.adc_bitz=3").ShouldFailWith(HardwareSpecCodes.UnknownKey,
            "--set readout.adc_bitz", "unknown key readout.adc_bitz", "did you mean readout.adc_bits?", "readout allows: ", "columns_per_adc");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("20")]
    public void Should_Report_An_Adc_Resolution_Out_Of_Range(string bits)
    {
        var run = CliRun.Of("cost", Model, "--hw", Spec, "--set", $"readout.adc_bits={bits}", "--json");
        run.ShouldFailWith(HardwareSpecCodes.OutOfRange, "--set readout.adc_bits", "must be an integer from 1 to 10", $"got {bits}");
        Assert.Empty(run.Output);
    }

    [Fact]
    public void Should_Report_A_Missing_Spec()
    {
        var path = Path.Combine(_dir, "absent.yaml");
        CliRun.Of("cost", Model, "--hw", path).ShouldFailWith(HardwareSpecCodes.FileNotFound, path, "hardware spec file not found");
    }

    [Fact]
    public void Should_Give_Evaluate_The_Same_Cost_Keys_And_Area()
    {
        var report = Path.Combine(_dir, "report.json");
        var run = CliRun.Of("evaluate", Model, "--hw", Spec, "--limit", "200", "-o", report);
        Assert.True(run.ExitCode == 0, run.Error);
        using var evaluated = JsonDocument.Parse(File.ReadAllText(report));
        using var cost = Json("cost", Model, "--hw", Spec, "--json");
        var chip = evaluated.RootElement.GetProperty("cost");
        RequireFigures(chip, "evaluate cost");
        Close(Num(chip, "energy_uj", "dynamic"), BucketSum(chip, "energy_uj"), "evaluate dynamic energy");

        // evaluate nests each layer's figures under layers[].cost, beside the layer's simulator counters.
        var layers = evaluated.RootElement.GetProperty("layers").EnumerateArray().ToList();
        var priced = cost.RootElement.GetProperty("layers").EnumerateArray().ToList();
        Assert.Equal(priced.Select(l => l.GetProperty("name").GetString()), layers.Select(l => l.GetProperty("name").GetString()));
        foreach (var (e, c) in layers.Zip(priced))
        {
            var name = e.GetProperty("name").GetString();
            RequireFigures(e.GetProperty("cost"), $"evaluate layer {name}");
            Close(Num(c, "area_mm2", "total"), Num(e.GetProperty("cost"), "area_mm2", "total"), $"{name} area");
            Assert.Equal(200, e.GetProperty("images").GetInt64());
        }

        // Area does not depend on activity: measured and estimated counts give the same chip.
        Close(Num(cost.RootElement.GetProperty("cost"), "area_mm2", "total"), Num(chip, "area_mm2", "total"), "chip area");
        foreach (var k in Buckets)
        {
            Close(Num(cost.RootElement.GetProperty("cost"), "area_mm2", "breakdown", k), Num(chip, "area_mm2", "breakdown", k), $"{k} area");
        }
    }

    /// <summary>TOPS = operations / latency; TOPS/W = TOPS / ((dynamic + leakage energy) / latency); FPS = 1 / latency; TOPS/mm² = TOPS / area.</summary>
    private static void Throughput(JsonElement f, double operations, string what)
    {
        var seconds = Num(f, "latency_ms", "total") * 1e-3;
        var watts = (Num(f, "energy_uj", "dynamic") + Num(f, "energy_uj", "leakage")) * 1e-6 / seconds;
        var tops = Num(f, "tops");
        Close(operations / seconds / 1e12, tops, $"{what} TOPS");
        Close(tops / watts, Num(f, "tops_per_w"), $"{what} TOPS/W");
        Close(1 / seconds, Num(f, "fps"), $"{what} FPS");
        Close(tops / Num(f, "area_mm2", "total"), Num(f, "tops_per_mm2"), $"{what} TOPS/mm²");
    }

    private static void RequireFigures(JsonElement f, string what)
    {
        foreach (var figure in new[] { "area_mm2", "latency_ms", "energy_uj" })
        {
            var names = f.GetProperty(figure).GetProperty("breakdown").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
            Assert.True(Buckets.SequenceEqual(names), $"{what} {figure}.breakdown keys: {string.Join(", ", names)}");
            Assert.All(Buckets, k => Assert.True(Num(f, figure, "breakdown", k) >= 0, $"{what} {figure}.{k}"));
        }

        foreach (var path in new[] { "area_mm2.total", "latency_ms.total", "energy_uj.dynamic", "energy_uj.leakage", "tops", "tops_per_w", "fps", "tops_per_mm2" })
        {
            var value = Num(f, path.Split('.'));
            Assert.True(double.IsFinite(value) && value > 0, $"{what} {path} = {value.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private static double BucketSum(JsonElement f, string figure) => Buckets.Sum(k => Num(f, figure, "breakdown", k));

    private static double Num(JsonElement e, params string[] path) =>
        path.Aggregate(e, (x, p) => x.GetProperty(p)).GetDouble();

    /// <summary>Equal within 1e-9 of the larger magnitude.</summary>
    private static void Close(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(Math.Abs(expected), Math.Abs(actual)),
            $"{what}: expected {expected.ToString("R", CultureInfo.InvariantCulture)}, got {actual.ToString("R", CultureInfo.InvariantCulture)}");

    private static JsonDocument Json(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.True(run.ExitCode == 0, run.Error);
        return ReportSchemaAssert.Valid(run.Output, args[0]);
    }
}
