using System.Text.Json;
using BnnCompiler.Testing;

namespace BnnCompiler.Cli.Tests;

/// <summary>
/// <c>--trace FILE [--trace-images N]</c> of <c>bnnc cost</c> and <c>bnnc evaluate</c>: a trace event file whose
/// last slice ends where the engine's latency (in the JSON report) says, N images one interval apart, and a
/// diagnostic for an out-of-range image count or --trace-images without --trace.
/// </summary>
public sealed class TraceOptionTests : IDisposable
{
    private static readonly string Model = RepoPaths.Require(RepoPaths.Repo("onnx-models/fmnist-mlp.onnx"));
    private readonly string _dir = Directory.CreateTempSubdirectory("bnnc-trace-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Should_Write_A_Trace_Of_N_Images_With_Cost()
    {
        var path = Path.Combine(_dir, "cost.json");

        var run = CliRun.Of("cost", Model, "--trace", path, "--trace-images", "3");

        Assert.Equal(0, run.ExitCode);
        using var trace = JsonDocument.Parse(File.ReadAllText(path));
        var other = trace.RootElement.GetProperty("otherData");
        Assert.Equal(3, other.GetProperty("images").GetInt32());
        var (latency, interval) = (other.GetProperty("latency_cycles").GetInt64(), other.GetProperty("interval_cycles").GetInt64());
        var ends = trace.RootElement.GetProperty("traceEvents").EnumerateArray()
            .Where(e => e.GetProperty("ph").GetString() == "X")
            .Select(e => e.GetProperty("args").GetProperty("start_cycle").GetInt64() + e.GetProperty("args").GetProperty("cycles").GetInt64());
        Assert.Equal(2 * interval + latency, ends.Max());
    }

    [Fact]
    public void Should_Write_The_Trace_Of_The_Evaluated_Program()
    {
        var path = Path.Combine(_dir, "evaluate.json");
        var report = Path.Combine(_dir, "report.json");

        var run = CliRun.Of("evaluate", Model, "--data", "fashion-mnist", "--limit", "10", "--trace", path, "-o", report);

        Assert.Equal(0, run.ExitCode);
        using var trace = JsonDocument.Parse(File.ReadAllText(path));
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var latencyCycles = trace.RootElement.GetProperty("otherData").GetProperty("latency_cycles").GetInt64();
        Assert.Equal(json.RootElement.GetProperty("timing").GetProperty("latency_cycles").GetInt64(), latencyCycles);
    }

    [Theory]
    [InlineData("0", true, "--trace-images")]
    [InlineData("65", true, "--trace-images")]
    [InlineData("2", false, "needs --trace")]
    public void Should_Refuse_A_Bad_Image_Count(string images, bool withTrace, string fragment)
    {
        var path = Path.Combine(_dir, "bad.json");
        string[] args = withTrace ? ["cost", Model, "--trace", path, "--trace-images", images] : ["cost", Model, "--trace-images", images];

        var run = CliRun.Of(args);

        run.ShouldFailWith("BNN1001", fragment);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Should_Refuse_An_Unwritable_Trace_Path_Before_The_Work()
    {
        var run = CliRun.Of("cost", Model, "--trace", _dir);

        run.ShouldFailWith("BNN1010", _dir);
    }
}
