using BnnCompiler.Circuits;
using BnnCompiler.Circuits.Activity;
using BnnCompiler.Hardware;
using BnnCompiler.Mapping;
using BnnCompiler.Testing;

namespace BnnCompiler.CostModel.Tests;

/// <summary>
/// The counting contract: one generic add and scale over every (component, action) row, pricing that charges each
/// row's count at its energy per action, a join by layer id that refuses counts the mapping does not have, and the
/// shipped CNN's figures pinned from before counts became a table.
/// </summary>
public class ActionTableTests
{
    private static readonly Lazy<ChipMapping> Mapping = new(() => CrossbarMapper.Map(
        DefaultCnn.Graph,
        HardwareSpecLoader.Load(RepoPaths.Require(RepoPaths.Repo("hwspecs/default.yaml")), [])));

    [Fact]
    public void Plus_and_scale_cover_every_row()
    {
        var a = ActionTable.Of(ChipActions.All.Select(r => (r, (long)r.Index + 1)).ToArray());
        var b = ActionTable.Of(ChipActions.All.Select(r => (r, 100L)).ToArray());

        var sum = a.Plus(b).Scale(3);

        Assert.Equal(24, ChipActions.All.Count);
        Assert.All(ChipActions.All, r => Assert.Equal(3 * (r.Index + 1 + 100), sum[r]));
        Assert.Equal(ChipActions.All.Count, ChipActions.All.Select(r => r.ToString()).Distinct().Count());
        Assert.All(ChipActions.All.Select((r, i) => (r, i)), x => Assert.Equal(x.i, x.r.Index));
    }

    [Fact]
    public void Each_row_is_priced_at_its_energy_in_its_bucket()
    {
        var circuits = ChipCircuits.Build(Mapping.Value, CircuitOptions.Default);
        var layer = new LayerActionCounts { LayerId = 0, Layer = "x", Actions = ActionTable.Of((ChipActions.AdcConvert, 10), (ChipActions.CellReadOn, 4), (ChipActions.GlobalLinkUp, 3)) };

        var pj = Pricing.CostModel.DynamicEnergyPj(layer, circuits);

        Assert.Equal(10 * circuits.Adc.EnergyPerActionPj, pj.Adc, 12);
        Assert.Equal(4 * circuits.CellOnEnergyPj, pj.Crossbar, 12);
        Assert.Equal(3 * circuits.WirePjPerBitMm * circuits.GlobalPathMm, pj.Interconnect, 12);
        Assert.Equal(0, pj.Buffer + pj.Accumulation + pj.Other);
    }

    [Fact]
    public void Counts_of_a_layer_the_mapping_does_not_have_are_refused()
    {
        var mapping = Mapping.Value;
        var (counts, timing) = AnalyticalActivity.Estimate(mapping, mapping.Spec, ActivityAssumptions.Default);
        var renamed = counts with { Layers = [.. counts.Layers.Select(l => l.LayerId == 1 ? l with { Layer = "nonexistent" } : l)] };
        var shifted = counts with { Layers = [.. counts.Layers.Select(l => l with { LayerId = l.LayerId + 1 })] };

        Assert.Contains("nonexistent", Assert.Throws<InvalidOperationException>(() => Pricing.CostModel.Price(mapping, renamed, timing, CircuitOptions.Default)).Message);
        Assert.Throws<InvalidOperationException>(() => Pricing.CostModel.Price(mapping, shifted, timing, CircuitOptions.Default));
    }

    /// <summary>
    /// Figures printed by <c>bnnc cost onnx-models/fmnist-cnn.onnx --latency analytical --json</c> at commit c368973,
    /// when each action was a named field added by hand; the table must price the same counts to the same figures.
    /// </summary>
    [Fact]
    public void The_shipped_cnn_prices_as_before_the_table()
    {
        var report = Pricing.CostModel.Estimate(Mapping.Value);

        Assert.Equal(5.078277548004221, report.Cost.AreaMm2.Total, 1e-9);
        Assert.Equal(0.11243848166061517, report.Cost.LatencyMs.Total, 1e-9);
        Assert.Equal(0.5615302034703142, report.Cost.EnergyUj.Dynamic, 1e-9);
        Assert.Equal(0.013549488283789908, report.Cost.EnergyUj.Leakage, 1e-9);
        var e = report.Cost.EnergyUj.Breakdown;
        Assert.Equal(0.12867489255795483, e.Crossbar, 1e-9);
        Assert.Equal(0.028368552692587198, e.Adc, 1e-9);
        Assert.Equal(0.00263760048816264, e.Accumulation, 1e-9);
        Assert.Equal(0.3964424324057506, e.Interconnect, 1e-9);
        Assert.Equal(0.004878628082785601, e.Buffer, 1e-9);
        Assert.Equal(0.0005280972430733999, e.Other, 1e-9);
    }
}
