using BnnCompiler.Circuits;
using BnnCompiler.Circuits.Activity;
using BnnCompiler.CostModel.Report;
using BnnCompiler.Hardware;
using BnnCompiler.Mapping;

namespace BnnCompiler.CostModel.Pricing;

/// <summary>
/// Prices action counts on a mapped chip: energy = Σ counts × energy per action + leakage × time; area = Σ component
/// areas of the floorplan; latency = stage cycles × clock period. Counting stays with the caller (the simulator or
/// <see cref="AnalyticalActivity"/>), so one set of counts can be priced under several options.
/// </summary>
public static class CostModel
{
    /// <summary>Prices a mapping with analytically estimated counts (no dataset needed).</summary>
    public static CostReport Estimate(ChipMapping mapping, ActivityAssumptions? assumptions = null, CircuitOptions? options = null)
    {
        var (counts, timing) = AnalyticalActivity.Estimate(mapping, mapping.Spec, assumptions ?? ActivityAssumptions.Default);
        return Price(mapping, counts, timing, options ?? CircuitOptions.Default);
    }

    public static CostReport Price(ChipMapping mapping, ActionCounts counts, TimingSummary timing, CircuitOptions options)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(timing);
        var c = ChipCircuits.Build(mapping, options);
        var images = Math.Max(1, counts.Images);
        var period = timing.ClockPeriodNs;
        var chipArea = ToMm2(c.Area);
        var chipTiles = mapping.Floorplan.Tiles.Count;
        var intervalMs = timing.IntervalCycles * period * 1e-6;
        var leakageUj = c.LeakageUw * intervalMs * 1e-3;

        var layers = new List<CostFigures>();
        var dynamic = Breakdown.Zero;
        foreach (var lc in counts.Layers)
        {
            var lm = Join(mapping.Layers, lc.LayerId, l => l.Name, lc.Layer, "mapped layer");
            var lt = Join(timing.Layers, lc.LayerId, t => t.Layer, lc.Layer, "stage timing");
            var energy = DynamicEnergyPj(lc, c).Scale(1e-6 / images);
            dynamic = dynamic.Plus(energy);
            var share = (double)lm.Tiles / chipTiles;
            var latency = Latency(lt, period);
            var macs = (double)lc.Macs / images;
            layers.Add(Figures(lc.Layer, chipArea.Scale(share), latency, energy, leakageUj * share, macs, latency.Total));
        }

        var chipLatency = timing.Mode == PipelineMode.LayerPipelined
            ? (timing.Bottleneck is { } b ? Latency(b, period) : Breakdown.Zero)
            : timing.Layers.Aggregate(Breakdown.Zero, (a, t) => a.Plus(Latency(t, period)));
        var totalMacs = (double)counts.Total.Macs / images;
        var chip = Figures(null, chipArea, chipLatency, dynamic, leakageUj, totalMacs, intervalMs);
        return new CostReport
        {
            Model = mapping.Model,
            Spec = mapping.Spec.Name ?? mapping.Spec.SourcePath,
            TechnologyNm = mapping.Spec.Technology.NodeNm,
            AdcBits = mapping.Spec.Readout.AdcBits,
            ClockPeriodNs = period,
            CountsSource = counts.Source,
            TimingSource = timing.Source,
            Images = images,
            Cost = chip,
            Layers = layers,
            Bottleneck = new Bottleneck(
                chip.AreaMm2.Breakdown.Dominant,
                chip.LatencyMs.Breakdown.Dominant,
                chip.EnergyUj.Breakdown.Dominant,
                Top(layers, l => l.AreaMm2.Total),
                Top(layers, l => l.LatencyMs.Total),
                Top(layers, l => l.EnergyUj.Total)),
        };
    }

    /// <summary>Dynamic energy of one layer's counts by bucket, in pJ: every action's count times its energy per
    /// action (<see cref="ChipAction.EnergyPj"/>), charged to its row's bucket.</summary>
    public static Breakdown DynamicEnergyPj(LayerActionCounts n, ChipCircuits c)
    {
        var pj = new double[Enum.GetValues<Bucket>().Length];
        foreach (var (action, count) in n.Actions.Entries)
        {
            if (count != 0)
            {
                pj[(int)action.Bucket] += count * action.EnergyPj(c);
            }
        }

        return new Breakdown(pj[(int)Bucket.Crossbar], pj[(int)Bucket.Adc], pj[(int)Bucket.Accumulation], pj[(int)Bucket.Interconnect], pj[(int)Bucket.Buffer], pj[(int)Bucket.Other]);
    }

    /// <summary>The entry of <paramref name="items"/> at <paramref name="layerId"/>, which must carry the counted layer's
    /// name: counts of a layer the mapping or the timing does not have are an error, never priced as zero.</summary>
    private static T Join<T>(IReadOnlyList<T> items, int layerId, Func<T, string> name, string layer, string what)
    {
        if (layerId < 0 || layerId >= items.Count || name(items[layerId]) != layer)
        {
            throw new InvalidOperationException($"counts of layer {layerId} '{layer}' have no {what} with that id and name");
        }

        return items[layerId];
    }

    private static Breakdown Latency(LayerTiming t, double periodNs) => new Breakdown(
        t.CrossbarCycles, t.AdcCycles, t.AccumulationCycles, t.InterconnectCycles, t.BufferCycles, t.OtherCycles).Scale(periodNs * 1e-6);

    private static Breakdown ToMm2(AreaBuckets a) =>
        new Breakdown(a.Crossbar, a.Adc, a.Accumulation, a.Interconnect, a.Buffer, a.Other).Scale(1e-6);

    private static CostFigures Figures(string? name, Breakdown areaMm2, Breakdown latencyMs, Breakdown dynamicUj, double leakageUj, double macs, double timeMs)
    {
        var ops = 2 * macs;
        var energyJ = (dynamicUj.Total + leakageUj) * 1e-6;
        var seconds = timeMs * 1e-3;
        var tops = seconds > 0 ? ops / seconds / 1e12 : 0;
        return new CostFigures
        {
            Name = name,
            AreaMm2 = new AreaFigure(areaMm2.Total, areaMm2),
            LatencyMs = new LatencyFigure(latencyMs.Total, latencyMs),
            EnergyUj = new EnergyFigure(dynamicUj.Total, leakageUj, dynamicUj),
            Tops = tops,
            TopsPerW = energyJ > 0 ? ops / energyJ / 1e12 : 0,
            Fps = seconds > 0 ? 1 / seconds : 0,
            TopsPerMm2 = areaMm2.Total > 0 ? tops / areaMm2.Total : 0,
        };
    }

    private static IReadOnlyList<string> Top(IEnumerable<CostFigures> layers, Func<CostFigures, double> key) =>
        layers.OrderByDescending(key).Take(3).Select(l => l.Name!).ToList();
}
