using System.Text.Json;
using BnnCompiler.Evaluation;
using BnnCompiler.Hardware;
using BnnCompiler.Isa.Compilation;
using BnnCompiler.Mapping;
using BnnCompiler.Simulator.Timing;
using BnnCompiler.Testing;

namespace BnnCompiler.Cli.Tests;

/// <summary>
/// Where <c>bnnc cost</c> takes its latency from: the cycle-level timing engine running the compiled program by default,
/// the analytical stage model with <c>--latency analytical</c>; area and dynamic energy do not depend on the choice.
/// </summary>
public sealed class CostLatencyTests
{
    private static readonly string Model = RepoPaths.Require(RepoPaths.Repo("onnx-models/fmnist-cnn.onnx"));
    private static readonly string Spec = RepoPaths.Require(RepoPaths.Repo("hwspecs/default.yaml"));

    [Fact]
    public void Should_Take_Latency_From_The_Timing_Engine_Unless_Asked_For_The_Analytical_Model()
    {
        using var engine = Json("cost", Model, "--hw", Spec, "--json");
        using var analytical = Json("cost", Model, "--hw", Spec, "--latency", "analytical", "--json");
        Assert.Equal(TimingResult.EngineSource, engine.RootElement.GetProperty("timing").GetString());
        Assert.Equal(BnnCompiler.Circuits.Activity.TimingSummary.AnalyticalSource, analytical.RootElement.GetProperty("timing").GetString());

        // The engine run by hand on the same mapping: the report's images per second are the engine's.
        var mapping = CrossbarMapper.Map(BnnCompiler.Onnx.OnnxFrontend.Load(Model).Graph, HardwareSpecLoader.Load(Spec, []));
        var run = TimingEngine.Run(ProgramCompiler.Compile(mapping));
        Assert.Equal(run.ImagesPerSecond, Cost(engine, "fps"), run.ImagesPerSecond * 1e-9);

        // The analytical report is the cost model's own estimate.
        var estimate = BnnCompiler.CostModel.Pricing.CostModel.Estimate(mapping);
        Assert.Equal(estimate.Cost.LatencyMs.Total, Cost(analytical, "latency_ms", "total"), estimate.Cost.LatencyMs.Total * 1e-9);
        Assert.NotEqual(Cost(engine, "latency_ms", "total"), Cost(analytical, "latency_ms", "total"));

        // Area and dynamic energy are the same either way.
        Assert.Equal(Cost(analytical, "area_mm2", "total"), Cost(engine, "area_mm2", "total"));
        Assert.Equal(Cost(analytical, "energy_uj", "dynamic"), Cost(engine, "energy_uj", "dynamic"));
    }

    [Fact]
    public void Should_Refuse_An_Unknown_Latency_Model()
    {
        CliRun.Of("cost", Model, "--latency", "fast").ShouldFailWith("BNN1001", "--latency", "engine", "analytical", "fast");
    }

    [Fact]
    public void Should_Keep_Buffer_Dominated_Engine_Latency_Rising_With_Adc_Bits_On_BResNet18()
    {
        var dir = Directory.CreateTempSubdirectory("bnnc-cost-latency-").FullName;
        try
        {
            var path = Path.Combine(dir, "bresnet18.onnx");
            BnnCompiler.Zoo.ImageNetZoo.Generate("bresnet18", 0, path);
            var graph = BnnCompiler.Onnx.OnnxFrontend.Load(path).Graph;
            var low = DatasetFreeCost.Estimate(CrossbarMapper.Map(graph, HardwareSpecLoader.Load(Spec, ["readout.adc_bits=3", "readout.input_bits=1"])));
            var high = DatasetFreeCost.Estimate(CrossbarMapper.Map(graph, HardwareSpecLoader.Load(Spec, ["readout.adc_bits=8", "readout.input_bits=1"])));

            // The study's trends (STUDY.md): buffer-dominated latency, throughput falling with ADC bits.
            Assert.Equal("buffer", low.Bottleneck.LatencyComponent);
            Assert.Equal("buffer", high.Bottleneck.LatencyComponent);
            Assert.True(high.Cost.LatencyMs.Total > low.Cost.LatencyMs.Total);
            Assert.True(high.Cost.Fps < low.Cost.Fps && high.Cost.Tops < low.Cost.Tops);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static double Cost(JsonDocument report, params string[] path) =>
        path.Aggregate(report.RootElement.GetProperty("cost"), (e, key) => e.GetProperty(key)).GetDouble();

    private static JsonDocument Json(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(run.Output);
    }
}
