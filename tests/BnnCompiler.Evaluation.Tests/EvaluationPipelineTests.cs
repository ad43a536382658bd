using BnnCompiler.Circuits;
using BnnCompiler.Evaluation.Pipeline;
using BnnCompiler.Isa.Compilation;
using BnnCompiler.Mapping;
using BnnCompiler.Simulator;

namespace BnnCompiler.Evaluation.Tests;

/// <summary>
/// The pipeline gives what its stages give when wired by hand (an independent simulator built from the spec, ONNX
/// Runtime run beside it, the cost model called directly), shares work across specs only where it must not change a
/// figure, and compiles, simulates and prices what a mapping transform returns.
/// </summary>
public sealed class EvaluationPipelineTests
{
    [Fact]
    public void EvaluateEqualsTheStagesWiredByHand()
    {
        var spec = Fixtures.Spec("readout.input_bits=4", "readout.adc_bits=5");
        var feeder = Fixtures.Feeder(100);
        var run = new EvaluationPipeline(Fixtures.DefaultModel, feeder).Evaluate(spec);

        var mapping = CrossbarMapper.Map(Fixtures.DefaultModel.Graph, spec);
        var program = ProgramCompiler.Compile(mapping);
        var simulator = new FunctionalSimulator(Fixtures.DefaultModel.Graph, spec);
        var accuracy = AccuracyEvaluator.Run(Fixtures.DefaultModel, simulator, feeder);
        var (counts, timing, _) = MeasuredActivity.From(mapping, program, simulator);
        var cost = CostModel.Pricing.CostModel.Price(mapping, counts, timing, CircuitOptions.Default);

        Assert.Equal(accuracy.SimulatedPredictions, run.Accuracy.SimulatedPredictions);
        Assert.Equal(accuracy.ReferencePredictions, run.Accuracy.ReferencePredictions);
        Assert.Equal(accuracy.SimulatedCorrect, run.Accuracy.SimulatedCorrect);
        Assert.Equal(100, run.Accuracy.Samples);
        Assert.Equal(cost.Cost.EnergyUj.Total, run.Cost.Cost.EnergyUj.Total);
        Assert.Equal(cost.Cost.LatencyMs.Total, run.Cost.Cost.LatencyMs.Total);
        Assert.Equal(cost.Cost.AreaMm2.Total, run.Cost.Cost.AreaMm2.Total);
        Assert.Equal(100, run.Activity.Counts.Images);
    }

    [Fact]
    public void OnnxRuntimeRunsOnceAndExactSpecsShareOneSimulation()
    {
        var pipeline = new EvaluationPipeline(Fixtures.DefaultModel, Fixtures.Feeder(40));
        // One-bit inputs on 128-row subarrays: every column count (0 to 128) fits an 8-bit and a 9-bit ADC exactly.
        var exact8 = pipeline.Evaluate(Fixtures.Spec("readout.input_bits=1", "readout.adc_bits=8"));
        var exact9 = pipeline.Evaluate(Fixtures.Spec("readout.input_bits=1", "readout.adc_bits=9"));
        var other = pipeline.Evaluate(Fixtures.Spec("readout.input_bits=2", "readout.adc_bits=8"));

        Assert.Same(exact8.Accuracy.ReferencePredictions, exact9.Accuracy.ReferencePredictions);
        Assert.Same(exact8.Accuracy.ReferencePredictions, other.Accuracy.ReferencePredictions);
        Assert.Same(exact8.Simulator, exact9.Simulator);
        Assert.NotSame(exact8.Simulator, other.Simulator);
        // Shared simulation, separate prices: the ADC resolution changes the energy.
        Assert.NotEqual(exact8.Cost.Cost.EnergyUj.Total, exact9.Cost.Cost.EnergyUj.Total);
        Assert.Same(exact8.Mapping.Layers, exact9.Mapping.Layers);
    }

    [Fact]
    public void AMappingTransformsResultIsWhatIsCompiledSimulatedAndPriced()
    {
        var coarse = Fixtures.Spec("readout.input_bits=4", "readout.adc_bits=3");
        var fine = Fixtures.Spec("readout.input_bits=4", "readout.adc_bits=8");
        var transform = new SpecSwap(fine);
        var feeder = Fixtures.Feeder(60);
        var transformed = new EvaluationPipeline(Fixtures.DefaultModel, feeder, [transform]).Evaluate(coarse);
        var direct = new EvaluationPipeline(Fixtures.DefaultModel, feeder).Evaluate(fine);
        var untouched = new EvaluationPipeline(Fixtures.DefaultModel, feeder).Evaluate(coarse);

        Assert.Equal(1, transform.Calls);
        Assert.Equal(8, transformed.Mapping.Spec.Readout.AdcBits);
        Assert.Equal(direct.Accuracy.SimulatedPredictions, transformed.Accuracy.SimulatedPredictions);
        Assert.Equal(direct.Cost.Cost.EnergyUj.Total, transformed.Cost.Cost.EnergyUj.Total);
        Assert.NotEqual(untouched.Cost.Cost.EnergyUj.Total, transformed.Cost.Cost.EnergyUj.Total);
    }

    [Fact]
    public void EstimateWithoutDataPricesTheAnalyticalCounts()
    {
        var spec = Fixtures.Spec();
        var estimate = new EvaluationPipeline(Fixtures.DefaultModel, null).Estimate(spec);
        var byHand = DatasetFreeCost.Estimate(CrossbarMapper.Map(Fixtures.DefaultModel.Graph, spec));
        Assert.Equal(byHand.Cost.EnergyUj.Total, estimate.Cost.EnergyUj.Total);
        Assert.Equal(byHand.Cost.LatencyMs.Total, estimate.Cost.LatencyMs.Total);
        Assert.StartsWith("analytical", estimate.CountsSource, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => new EvaluationPipeline(Fixtures.DefaultModel, null).Evaluate(spec));
    }

    /// <summary>A transform that replaces the mapping's spec (as a calibration step might change the read-out).</summary>
    private sealed class SpecSwap(Hardware.HardwareSpec spec) : IMappingTransform
    {
        public int Calls { get; private set; }

        public string Name => "spec swap";

        public ChipMapping Apply(ChipMapping mapping)
        {
            Calls++;
            return mapping with { Spec = spec };
        }
    }
}
