using System.Text.Json;
using BnnCompiler.Data;
using BnnCompiler.Testing;

namespace BnnCompiler.Cli.Tests;

/// <summary>
/// Three-channel images through <c>bnnc evaluate</c>, <c>bnnc reference</c> and <c>bnnc sweep</c>: NCHW and NHWC,
/// uint8 and float32, with and without labels, <c>--layout</c>, <c>--labels</c> and <c>--input-scale</c>; the
/// simulator agrees with ONNX Runtime on every image at the ideal configuration; bad data files give diagnostics.
/// </summary>
public sealed class ColorDataCliTests : IDisposable
{
    private const int Images = 16;
    private static readonly string Spec = RepoPaths.Repo("hwspecs/default.yaml");
    private readonly string _dir = Directory.CreateTempSubdirectory("bnnc-color-cli-").FullName;
    private readonly string _rawModel;
    private readonly string _unitModel;

    public ColorDataCliTests()
    {
        _rawModel = Path.Combine(_dir, "color-raw.onnx");
        File.WriteAllBytes(_rawModel, ColorVgg.Build(seed: 21, rawPixels: true));
        _unitModel = Path.Combine(_dir, "color-unit.onnx");
        File.WriteAllBytes(_unitModel, ColorVgg.Build(seed: 22, rawPixels: false));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(false, false, true)]
    [InlineData(true, false, true)]
    [InlineData(false, true, false)]
    [InlineData(true, true, false)]
    public void Evaluate_Agrees_With_OnnxRuntime_On_Every_Image(bool nhwc, bool float32, bool labelled)
    {
        var data = WriteImages("set", nhwc, float32, labelled);
        var report = Path.Combine(_dir, "report.json");
        var run = CliRun.Of("evaluate", _rawModel, "--hw", Spec, "--adc-bits", "8", "--data", data, "-o", report);

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var accuracy = json.RootElement.GetProperty("accuracy");
        Assert.Equal(Images, accuracy.GetProperty("samples").GetInt32());
        Assert.Equal(Images, accuracy.GetProperty("agreeing_predictions").GetInt32());
        Assert.Equal(1.0, accuracy.GetProperty("agreement").GetDouble());
        Assert.Equal(labelled, accuracy.GetProperty("labelled").GetBoolean());
        Assert.Equal(labelled ? JsonValueKind.Number : JsonValueKind.Null, accuracy.GetProperty("simulated_top1").ValueKind);
        Assert.Contains("raw pixels 0..255", json.RootElement.GetProperty("input").GetString());
        Assert.Contains($"{Images} images 3×32×32", run.Output);
        Assert.Contains(nhwc ? "NHWC" : "NCHW", run.Output);
        Assert.Contains("agreement            100.00 %", run.Output);
        Assert.Contains(labelled ? "simulated top-1      " : "the images have no labels", run.Output);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reference_Agrees_And_Reports_Top1_Only_With_Labels(bool labelled)
    {
        var data = WriteImages("ref", nhwc: true, float32: false, labelled);
        var run = CliRun.Of("reference", _unitModel, "--data", data, "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(0, json.RootElement.GetProperty("disagreeing_predictions").GetInt32());
        Assert.Equal(1.0, json.RootElement.GetProperty("agreement").GetDouble());
        Assert.Equal(labelled ? JsonValueKind.Number : JsonValueKind.Null, json.RootElement.GetProperty("onnx_runtime_top1").ValueKind);
        Assert.Contains("pixel / 255 (default", json.RootElement.GetProperty("input").GetString());
    }

    [Fact]
    public void Input_Scale_Changes_What_The_Model_Receives_And_Keeps_Agreement()
    {
        var data = WriteImages("scale", nhwc: false, float32: false, labelled: false);
        var byDefault = CliRun.Of("reference", _unitModel, "--data", data, "--json");
        var stated = CliRun.Of("reference", _unitModel, "--data", data, "--input-scale", "255", "--json");
        var raw = CliRun.Of("evaluate", _unitModel, "--hw", Spec, "--adc-bits", "8", "--data", data, "--input-scale", "1");

        Assert.True(byDefault.ExitCode == 0 && stated.ExitCode == 0 && raw.ExitCode == 0, byDefault.Error + stated.Error + raw.Error);
        static string Predictions(CliRun run) => JsonDocument.Parse(run.Output).RootElement.GetProperty("disagreeing_predictions").ToString();
        Assert.Equal(Predictions(byDefault), Predictions(stated));
        Assert.Contains("raw pixels 0..255 (pixel / 1; --input-scale)", raw.Output);
        Assert.Contains("agreement            100.00 %", raw.Output);
    }

    [Fact]
    public void Labels_Option_Reads_A_Labels_File_Of_Any_Name()
    {
        var data = WriteImages("named", nhwc: false, float32: false, labelled: false);
        var labels = Path.Combine(_dir, "classes.npy");
        NpyWriter.Write(labels, [Images], Enumerable.Range(0, Images).Select(i => (long)(i % 10)).ToArray());
        var run = CliRun.Of("reference", _rawModel, "--data", data, "--labels", labels, "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(JsonValueKind.Number, JsonDocument.Parse(run.Output).RootElement.GetProperty("onnx_runtime_top1").ValueKind);
    }

    [Fact]
    public void Monte_Carlo_Without_Labels_Measures_Against_OnnxRuntime()
    {
        var data = WriteImages("mc", nhwc: false, float32: false, labelled: false);
        var report = Path.Combine(_dir, "mc.json");
        var run = CliRun.Of("evaluate", _rawModel, "--hw", Spec, "--data", data, "--limit", "6",
            "--set", "non_idealities.device_variation.sigma=0.2", "--trials", "2", "-o", report);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("no labels: top-1 below is measured against ONNX Runtime's predictions", run.Output);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var mc = json.RootElement.GetProperty("monte_carlo");
        Assert.Contains("ONNX Runtime", mc.GetProperty("top1_against").GetString());
        Assert.Equal(mc.GetProperty("mean_agreement").GetDouble(), mc.GetProperty("mean_top1").GetDouble());
    }

    [Fact]
    public void Sweep_Without_Labels_Reports_Agreement()
    {
        var data = WriteImages("sweep", nhwc: true, float32: false, labelled: false);
        var output = Path.Combine(_dir, "sweep");
        var run = CliRun.Of("sweep", _rawModel, "--hw", Spec, "--data", data, "--adc-bits", "4,8", "-o", output);

        Assert.True(run.ExitCode == 0, run.Error);
        var csv = File.ReadAllLines(Path.Combine(output, "results.csv"));
        Assert.Equal(3, csv.Length);
        Assert.True(File.Exists(Path.Combine(output, "report.md")));
    }

    [Fact]
    public void Bad_Data_Files_Give_Diagnostics()
    {
        var good = WriteImages("good", nhwc: false, float32: false, labelled: false);
        var bytes = File.ReadAllBytes(good);
        var truncated = Path.Combine(_dir, "truncated_input.npy");
        File.WriteAllBytes(truncated, bytes[..^100]);
        var wrongShape = Path.Combine(_dir, "small_input.npy");
        NpyWriter.Write(wrongShape, [2, 3, 28, 28], new byte[2 * 3 * 28 * 28]);
        var normalised = Path.Combine(_dir, "norm_input.npy");
        NpyWriter.Write(normalised, [1, 3, 32, 32], Enumerable.Range(0, 3 * 32 * 32).Select(i => (i % 7) * 0.3f - 0.9f).ToArray());
        var doubles = Path.Combine(_dir, "f8_input.npy");
        File.WriteAllBytes(doubles, [.. bytes[..10], .. System.Text.Encoding.ASCII.GetBytes(System.Text.Encoding.ASCII.GetString(bytes[10..128]).Replace("|u1", "<f8")), .. new byte[8 * Images * 3 * 32 * 32]]);

        foreach (var command in new[] { "evaluate", "reference" })
        {
            CliRun.Of(command, _rawModel, "--data", truncated).ShouldFailWith("BNN5004", truncated);
            CliRun.Of(command, _rawModel, "--data", wrongShape).ShouldFailWith("BNN5010", wrongShape, "3×32×32");
            CliRun.Of(command, _rawModel, "--data", normalised).ShouldFailWith("BNN5007", normalised, "0..255");
            CliRun.Of(command, _rawModel, "--data", doubles).ShouldFailWith("BNN5006", doubles, "<f8");
            CliRun.Of(command, _rawModel, "--data", good, "--layout", "nhwc").ShouldFailWith("BNN5010", "3×32×32");
            CliRun.Of(command, _rawModel, "--data", good, "--layout", "chw").ShouldFailWith("BNN1001", "--layout must be one of: nchw, nhwc");
            CliRun.Of(command, _rawModel, "--data", good, "--input-scale", "0").ShouldFailWith("BNN1001", "--input-scale must be a number");
            CliRun.Of(command, _rawModel, "--data", good, "--labels", Path.Combine(_dir, "none.npy")).ShouldFailWith("BNN5002", "none.npy");
        }
    }

    /// <summary>Seeded 3×32×32 images as an *_input.npy (NCHW or NHWC, uint8 or float32), with *_expected.npy labels on request.</summary>
    private string WriteImages(string stem, bool nhwc, bool float32, bool labelled)
    {
        var nchw = ColorVgg.Images(Images, 3, 32, seed: 31);
        var bytes = nchw;
        if (nhwc)
        {
            bytes = new byte[nchw.Length];
            for (var n = 0; n < Images; n++)
            {
                for (var c = 0; c < 3; c++)
                {
                    for (var p = 0; p < 32 * 32; p++)
                    {
                        bytes[(((n * 1024) + p) * 3) + c] = nchw[(((n * 3) + c) * 1024) + p];
                    }
                }
            }
        }

        int[] shape = nhwc ? [Images, 32, 32, 3] : [Images, 3, 32, 32];
        var path = Path.Combine(_dir, $"{stem}_input.npy");
        if (float32)
        {
            NpyWriter.Write(path, shape, bytes.Select(b => b / 255f).ToArray());
        }
        else
        {
            NpyWriter.Write(path, shape, bytes);
        }

        if (labelled)
        {
            NpyWriter.Write(Path.Combine(_dir, $"{stem}_expected.npy"), [Images], Enumerable.Range(0, Images).Select(i => (long)((i * 3) % 10)).ToArray());
        }

        return path;
    }
}
