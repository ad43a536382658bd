using BnnCompiler.CostModel.Report;
using BnnCompiler.Data;
using BnnCompiler.Evaluation;
using BnnCompiler.Hardware;
using BnnCompiler.Onnx;
using BnnCompiler.Simulator;
using BnnCompiler.Simulator.Timing;

namespace BnnCompiler.Cli.Commands;

/// <summary>The JSON report of <c>bnnc evaluate</c>.</summary>
public static class EvaluationReport
{
    public static object Build(ImportedModel model, HardwareSpec spec, Dataset data, FunctionalSimulator simulator, AccuracyResult accuracy, CostReport cost, TimingResult cycles) => new
    {
        Model = model.Path,
        model.Dialect,
        Hardware = new
        {
            Spec = spec.SourcePath,
            AdcBits = spec.Readout.AdcBits,
            InputBits = spec.Readout.InputBits,
            InputQuantization = spec.Readout.InputQuantization.ToString().ToLowerInvariant(),
            ExactReadout = simulator.IsExact,
        },
        Data = data.Description,
        Accuracy = new
        {
            accuracy.Samples,
            ReferenceTop1 = Math.Round(accuracy.ReferenceTop1, 6),
            SimulatedTop1 = Math.Round(accuracy.SimulatedTop1, 6),
            Agreement = Math.Round(accuracy.Agreement, 6),
            AgreeingPredictions = accuracy.Agreeing,
        },
        Timing = new
        {
            ClockNs = cycles.ClockPeriodNs,
            LatencyNs = cycles.LatencyNs,
            LatencyCycles = cycles.LatencyCycles,
            IntervalCycles = cycles.IntervalCycles,
            Fps = cycles.ImagesPerSecond,
            Stages = cycles.Stages.Select(s => new { s.Breakdown.Layer, s.Breakdown.CrossbarCycles, s.Breakdown.AdcCycles, s.Breakdown.AccumulationCycles, s.Breakdown.BufferCycles, s.Breakdown.InterconnectCycles, s.Breakdown.OtherCycles }).ToList(),
            Utilisation = cycles.Resources,
        },
        Cost = cost.Cost,
        cost.Bottleneck,
        ActivitySource = cost.CountsSource,
        Layers = simulator.Layers.Values.Select(l => new
        {
            Name = l.Counters.Layer,
            Cost = cost.Layers.FirstOrDefault(c => c.Name == l.Counters.Layer),
            l.Counters.Images,
            l.Counters.SubarrayReads,
            l.Counters.Conversions,
            l.Counters.RowsDriven,
            l.Counters.MatchedCells,
            l.Counters.ShiftAdds,
            l.Counters.PartialSumAdds,
            l.Counters.Outputs,
        }).ToList(),
    };
}
