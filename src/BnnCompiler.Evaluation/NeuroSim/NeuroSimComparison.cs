using BnnCompiler.CostModel.Report;

namespace BnnCompiler.Evaluation.NeuroSim;

/// <summary>
/// A cost report set beside NeuroSim V1.3's figures for the same chip, in NeuroSim's buckets: area (chip, CIM array,
/// interconnect, ADC, accumulation, other peripherals = our buffer + other), clock, pipelined latency and its parts,
/// dynamic energy and its parts (NeuroSim's ADC energy holds the cell and bit-line read energy: our adc + crossbar; its
/// other peripherals hold buffers and interconnect), leakage; and the dominant component of each breakdown on both sides.
/// </summary>
public static class NeuroSimComparison
{
    /// <summary>The rows of the comparison, chip level.</summary>
    public static IReadOnlyList<NeuroSimComparisonRow> Rows(CostReport ours, NeuroSimFigures neuroSim)
    {
        ArgumentNullException.ThrowIfNull(ours);
        ArgumentNullException.ThrowIfNull(neuroSim);
        var a = ours.Cost.AreaMm2.Breakdown;
        var l = ours.Cost.LatencyMs.Breakdown.Scale(1e6);
        var e = ours.Cost.EnergyUj.Breakdown.Scale(1e6);
        return
        [
            new("area", "chip", "mm²", ours.Cost.AreaMm2.Total, neuroSim.ChipAreaMm2),
            new("area", "CIM array", "mm²", a.Crossbar, neuroSim.ArrayAreaMm2),
            new("area", "interconnect", "mm²", a.Interconnect, neuroSim.InterconnectAreaMm2),
            new("area", "ADC", "mm²", a.Adc, neuroSim.AdcAreaMm2),
            new("area", "accumulation", "mm²", a.Accumulation, neuroSim.AccumulationAreaMm2),
            new("area", "other peripherals", "mm²", a.Buffer + a.Other, neuroSim.OtherAreaMm2),
            new("clock", "period", "ns", ours.ClockPeriodNs, neuroSim.ClockPeriodNs),
            new("latency", "pipelined, per image", "ns", ours.Cost.LatencyMs.Total * 1e6, neuroSim.LatencyNs),
            new("latency", "buffer", "ns", l.Buffer, neuroSim.BufferLatencyNs),
            new("latency", "interconnect", "ns", l.Interconnect, neuroSim.InterconnectLatencyNs),
            new("latency", "ADC", "ns", l.Adc, neuroSim.AdcLatencyNs),
            new("latency", "accumulation", "ns", l.Accumulation, neuroSim.AccumulationLatencyNs),
            new("energy", "dynamic", "pJ", ours.Cost.EnergyUj.Dynamic * 1e6, neuroSim.DynamicEnergyPj),
            new("energy", "buffer", "pJ", e.Buffer, neuroSim.BufferEnergyPj),
            new("energy", "interconnect", "pJ", e.Interconnect, neuroSim.InterconnectEnergyPj),
            new("energy", "ADC (with cell reads)", "pJ", e.Adc + e.Crossbar, neuroSim.AdcEnergyPj),
            new("energy", "accumulation", "pJ", e.Accumulation, neuroSim.AccumulationEnergyPj),
            new("energy", "other peripherals (with buffer, interconnect)", "pJ", e.Other + e.Buffer + e.Interconnect, neuroSim.OtherEnergyPj),
            new("energy", "leakage", "pJ", ours.Cost.EnergyUj.Leakage * 1e6, neuroSim.LeakageEnergyPj),
        ];
    }

    /// <summary>The largest area bucket: CIM array, interconnect, ADC, accumulation or other peripherals.</summary>
    public static (string Ours, string NeuroSim) DominantArea(CostReport ours, NeuroSimFigures n)
    {
        var a = ours.Cost.AreaMm2.Breakdown;
        return (Largest(("CIM array", a.Crossbar), ("interconnect", a.Interconnect), ("ADC", a.Adc), ("accumulation", a.Accumulation), ("other peripherals", a.Buffer + a.Other)),
            Largest(("CIM array", n.ArrayAreaMm2), ("interconnect", n.InterconnectAreaMm2), ("ADC", n.AdcAreaMm2), ("accumulation", n.AccumulationAreaMm2), ("other peripherals", n.OtherAreaMm2)));
    }

    /// <summary>The largest latency part: buffer, interconnect, ADC or accumulation.</summary>
    public static (string Ours, string NeuroSim) DominantLatency(CostReport ours, NeuroSimFigures n)
    {
        var l = ours.Cost.LatencyMs.Breakdown;
        return (Largest(("buffer", l.Buffer), ("interconnect", l.Interconnect), ("ADC", l.Adc), ("accumulation", l.Accumulation)),
            Largest(("buffer", n.BufferLatencyNs), ("interconnect", n.InterconnectLatencyNs), ("ADC", n.AdcLatencyNs), ("accumulation", n.AccumulationLatencyNs)));
    }

    /// <summary>The largest dynamic-energy part: buffer, interconnect, ADC (with cell reads), accumulation or the rest of the peripherals.</summary>
    public static (string Ours, string NeuroSim) DominantEnergy(CostReport ours, NeuroSimFigures n)
    {
        var e = ours.Cost.EnergyUj.Breakdown;
        return (Largest(("buffer", e.Buffer), ("interconnect", e.Interconnect), ("ADC", e.Adc + e.Crossbar), ("accumulation", e.Accumulation), ("other", e.Other)),
            Largest(("buffer", n.BufferEnergyPj), ("interconnect", n.InterconnectEnergyPj), ("ADC", n.AdcEnergyPj), ("accumulation", n.AccumulationEnergyPj),
                ("other", n.OtherEnergyPj - n.BufferEnergyPj - n.InterconnectEnergyPj)));
    }

    private static string Largest(params (string Name, double Value)[] items) => items.MaxBy(i => i.Value).Name;
}
