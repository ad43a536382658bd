using BnnCompiler.Core.Ir.Nodes;
using BnnCompiler.Evaluation.Pipeline;
using BnnCompiler.Evaluation.Sweep;
using BnnCompiler.Simulator;

namespace BnnCompiler.Evaluation.Tests;

/// <summary>
/// Specs that differ only in ADC bits simulated together (<see cref="SharedPrefixRunner"/>,
/// <see cref="EvaluationPipeline.SimulateShared"/>, a sweep's points) give every prediction, output value and action
/// count of simulating each alone, and compute the nodes before the first ADC that reads differently once.
/// The default model's first layer has 9 rows: its ADC is exact from 4 bits (15 levels ≥ 9 counts) and not at 3 bits.
/// </summary>
public sealed class SharedSimulationTests
{
    private static readonly int[] AdcBits = [3, 4, 5, 6, 8];

    [Fact]
    public void TheRunnerGivesEachSimulatorsOwnOutputsAndCounts()
    {
        var graph = Fixtures.DefaultModel.Graph;
        var specs = AdcBits.Select(a => Fixtures.Spec("readout.input_bits=4", $"readout.adc_bits={a}")).ToArray();
        var shared = specs.Select(s => new FunctionalSimulator(graph, s)).ToArray();
        var alone = specs.Select(s => new FunctionalSimulator(graph, s)).ToArray();
        var runner = new SharedPrefixRunner(shared);
        var feeder = Fixtures.Feeder(24);
        for (var i = 0; i < feeder.Count; i++)
        {
            var sample = feeder.Sample(i);
            var outputs = runner.Run(sample);
            for (var s = 0; s < specs.Length; s++)
            {
                Assert.Equal(alone[s].Run(sample), outputs[s]);
            }
        }

        runner.Finish();
        for (var s = 0; s < specs.Length; s++)
        {
            foreach (var (name, layer) in alone[s].Layers)
            {
                AssertSameCounts(layer, shared[s].Layers[name]);
            }
        }

        // The quantised outputs differ between the ADCs, so the comparison above could fail.
        Assert.NotEqual(alone[0].Run(feeder.Sample(0)), alone[1].Run(feeder.Sample(0)));
    }

    [Fact]
    public void NodesBeforeTheFirstDifferingAdcRunOnce()
    {
        var graph = Fixtures.DefaultModel.Graph;
        var nodes = graph.Nodes.Count;
        var secondLayer = graph.Nodes.Select((n, i) => (n, i)).Where(x => x.n is BinaryLinearNode).Skip(1).First().i;
        FunctionalSimulator At(int adc, int input = 4) => new(graph, Fixtures.Spec($"readout.input_bits={input}", $"readout.adc_bits={adc}"));

        // ADC 4, 5, 6 and 8 read the first layer exactly: it and the nodes up to the second layer run once for all four.
        Assert.Equal(secondLayer + (4 * (nodes - secondLayer)), new SharedPrefixRunner([At(4), At(5), At(6), At(8)]).NodeRuns);
        // ADC 3 quantises the first layer: it branches at the image.
        Assert.Equal(2 * nodes, new SharedPrefixRunner([At(3), At(4)]).NodeRuns);
        // Different input planes branch at the first layer, after the nodes before it.
        var firstLayer = graph.Nodes.TakeWhile(n => n is not BinaryLinearNode).Count();
        Assert.Equal(firstLayer + (2 * (nodes - firstLayer)), new SharedPrefixRunner([At(4, 4), At(4, 2)]).NodeRuns);
    }

    [Fact]
    public void ASweepOfAdcSiblingsEqualsEachPointEvaluatedAlone()
    {
        var feeder = Fixtures.Feeder(40);
        var spec = Fixtures.Spec();
        var points = SweepGrid.Build([("readout.input_bits", "2,8"), ("readout.adc_bits", "3,4,6,7,8")]);
        var swept = new SweepRunner(Fixtures.DefaultModel, spec, feeder).Run(points).ToList();
        Assert.Equal(points.Count, swept.Count);
        foreach (var row in swept)
        {
            var alone = new SweepRunner(Fixtures.DefaultModel, spec, feeder).RunPoint(points[row.Index]);
            Assert.Equal(alone.SimulatedTop1, row.SimulatedTop1);
            Assert.Equal(alone.Agreement, row.Agreement);
            Assert.Equal(alone.ReferenceTop1, row.ReferenceTop1);
            Assert.Equal(Json(alone.Cost), Json(row.Cost));
            Assert.Equal(Json(alone.Layers), Json(row.Layers));
        }
    }

    [Fact]
    public void SharedPipelineRunsEqualSeparatePipelines()
    {
        var feeder = Fixtures.Feeder(30);
        var specs = AdcBits.Select(a => Fixtures.Spec("readout.input_bits=3", $"readout.adc_bits={a}")).ToArray();
        var pipeline = new EvaluationPipeline(Fixtures.DefaultModel, feeder);
        pipeline.SimulateShared(specs);
        foreach (var spec in specs)
        {
            var shared = pipeline.Evaluate(spec);
            var alone = new EvaluationPipeline(Fixtures.DefaultModel, feeder).Evaluate(spec);
            Assert.Equal(alone.Accuracy.SimulatedPredictions, shared.Accuracy.SimulatedPredictions);
            Assert.Equal(alone.Accuracy.ReferencePredictions, shared.Accuracy.ReferencePredictions);
            foreach (var (name, layer) in alone.Simulator.Layers)
            {
                AssertSameCounts(layer, shared.Simulator.Layers[name]);
            }

            Assert.Equal(Json(alone.Cost.Cost), Json(shared.Cost.Cost));
        }
    }

    private static string Json(object value) => System.Text.Json.JsonSerializer.Serialize(value);

    private static void AssertSameCounts(SimulatedLayer expected, SimulatedLayer actual)
    {
        var (e, a) = (expected.Counters, actual.Counters);
        Assert.True(e.Images > 0);
        Assert.Equal(
            (e.Images, e.SubarrayReads, e.Conversions, e.RowsDriven, e.MatchedCells, e.ShiftAdds, e.PartialSumAdds, e.Outputs),
            (a.Images, a.SubarrayReads, a.Conversions, a.RowsDriven, a.MatchedCells, a.ShiftAdds, a.PartialSumAdds, a.Outputs));
    }
}
