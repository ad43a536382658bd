using BnnCompiler.Circuits;
using BnnCompiler.Circuits.Activity;
using BnnCompiler.CostModel.Pricing;
using BnnCompiler.CostModel.Report;
using BnnCompiler.Core.Ir;
using BnnCompiler.Evaluation.NeuroSim;
using BnnCompiler.Hardware;
using BnnCompiler.Isa.Compilation;
using BnnCompiler.Mapping;
using BnnCompiler.Simulator.Timing;

namespace BnnCompiler.Evaluation;

/// <summary>
/// Prices a mapped model without a dataset: action counts from <see cref="AnalyticalActivity"/> under its stated
/// input-activity assumption, latency from the cycle-level timing engine running the compiled program (or, on request,
/// from the analytical stage model). Used by <c>bnnc cost</c>, <c>bnnc study</c> and sweeps without data.
/// </summary>
public static class DatasetFreeCost
{
    /// <summary>Prices <paramref name="mapping"/> under its spec's <c>cost.accounting</c>; the NeuroSim-compatible
    /// accounting needs the model's <paramref name="graph"/> (its network rows) and uses its own stage rules for latency.</summary>
    public static CostReport Estimate(ChipMapping mapping, LatencyModel latency = LatencyModel.Engine, IrGraph? graph = null)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        if (mapping.Spec.Cost.Accounting == CostAccounting.NeuroSimV13)
        {
            return NeuroSimAccounting.Estimate(graph ?? throw new ArgumentNullException(nameof(graph), "the NeuroSim-compatible accounting needs the model's graph"), mapping);
        }

        var (counts, analytical) = AnalyticalActivity.Estimate(mapping, mapping.Spec, ActivityAssumptions.Default);
        var timing = latency == LatencyModel.Engine
            ? TimingEngine.Run(ProgramCompiler.Compile(mapping)).ToTimingSummary()
            : analytical;
        return CostModel.Pricing.CostModel.Price(mapping, counts, timing, CircuitOptions.Default);
    }
}
