using BnnCompiler.Circuits;
using BnnCompiler.Circuits.Activity;
using BnnCompiler.Circuits.Activity.NeuroSim;
using BnnCompiler.CostModel.Report;
using BnnCompiler.Hardware;
using BnnCompiler.Mapping;

namespace BnnCompiler.CostModel.Pricing;

/// <summary>
/// Prices counts charged as DNN+NeuroSim V1.3 charges them (<see cref="NeuroSimActivity"/>) on its floorplan: the
/// dynamic energy and stage latency as <see cref="CostModel.Price"/> prices any counts, but the cell reads and sense
/// amplifiers (charged to the ADC bucket, as NeuroSim does; our row drivers give way to its read periphery, added to the
/// other bucket beside our activation and pooling units), buffers and interconnect on NeuroSim's circuit figures
/// (<see cref="NeuroSimReadEnergy"/>, <see cref="NeuroSimTransferEnergy"/>); the area NeuroSim lays out for its
/// floorplan (<see cref="NeuroSimArea"/>, its register files and flip-flops in the buffer bucket); leakage only
/// while a layer idles, Σ over layers of the layer's leakage power (NeuroSim's, <see cref="NeuroSimLeakage"/>) ×
/// (pipeline stage − the layer's own latency).
/// <code>
/// before: counts and stage cycles from NeuroSimActivity, the mapping's floorplan (our tiles)
/// after:  a CostReport whose area, leakage, transfer energy and throughput figures follow NeuroSim's floorplan,
///         circuit figures and idle rule
/// </code>
/// </summary>
public static class NeuroSimPricing
{
    public static CostReport Price(ChipMapping mapping, NeuroSimChipPlan plan, ActionCounts counts, TimingSummary timing, CircuitOptions options)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(timing);
        var report = CostModel.Price(mapping, counts, timing, options);
        var tiles = Math.Max(1, plan.Tiles);
        var area = NeuroSimArea.Of(plan, mapping.Spec);
        var chipArea = new Breakdown(area.ArrayUm2, area.AdcUm2, area.AccumulationUm2, area.InterconnectUm2, area.BufferUm2, area.OtherUm2).Scale(1e-6);
        var pipelined = timing.Mode == PipelineMode.LayerPipelined;
        var stageCycles = timing.IntervalCycles;

        var bus = NeuroSimActivity.GlobalBusBits(plan, mapping.Spec);

        var layers = new List<CostFigures>();
        double leakageUj = 0;
        var dynamic = Breakdown.Zero;
        for (var i = 0; i < report.Layers.Count; i++)
        {
            var layerPlan = plan.Layers.Single(l => l.LayerId == i);
            var idleCycles = pipelined ? stageCycles - timing.Layers[i].TotalCycles : stageCycles;
            var layerLeakageUj = NeuroSimLeakage.LayerUw(layerPlan, plan, mapping.Spec, mapping.Layers[i].InputBits) * idleCycles * timing.ClockPeriodNs * 1e-9;
            leakageUj += layerLeakageUj;
            var (bufferPj, wirePj) = NeuroSimTransferEnergy.Of(layerPlan, plan, mapping.Spec, mapping.Layers[i].InputBits, (area.PeSideUm, area.TileSideUm), bus);
            var (readPj, peripheryPj) = NeuroSimReadEnergy.Of(layerPlan, plan, mapping.Spec, mapping.Layers[i].InputBits);
            var ours = report.Layers[i].EnergyUj.Breakdown;
            var energy = ours with
            {
                Crossbar = 0, Adc = readPj * 1e-6, Buffer = bufferPj * 1e-6, Interconnect = wirePj * 1e-6, Other = ours.Other + (peripheryPj * 1e-6),
            };
            dynamic = dynamic.Plus(energy);
            layers.Add(Refigure(report.Layers[i], chipArea.Scale((double)layerPlan.Tiles / tiles), layerLeakageUj, energy));
        }

        return report with
        {
            Cost = Refigure(report.Cost, chipArea, leakageUj, dynamic),
            Layers = layers,
            Bottleneck = report.Bottleneck with { AreaComponent = chipArea.Dominant, EnergyComponent = dynamic.Dominant },
        };
    }

    /// <summary>The figures with another area, dynamic energy and leakage, and the throughput ratios that depend on them.</summary>
    private static CostFigures Refigure(CostFigures f, Breakdown areaMm2, double leakageUj, Breakdown dynamicUj)
    {
        var energy = new EnergyFigure(dynamicUj.Total, leakageUj, dynamicUj);
        var joules = energy.Total * 1e-6;
        var ops = f.TopsPerW * (f.EnergyUj.Total * 1e-6) * 1e12;
        return f with
        {
            AreaMm2 = new AreaFigure(areaMm2.Total, areaMm2),
            EnergyUj = energy,
            TopsPerW = joules > 0 ? ops / joules / 1e12 : 0,
            TopsPerMm2 = areaMm2.Total > 0 ? f.Tops / areaMm2.Total : 0,
        };
    }
}
