using BnnCompiler.Core.Ir.Nodes;
using BnnCompiler.Core.Ir;
using BnnCompiler.CostModel.Activity;
using BnnCompiler.CostModel.Pricing;
using BnnCompiler.Isa.Compilation;
using BnnCompiler.Isa;
using BnnCompiler.Mapping;
using BnnCompiler.Simulator.Timing;

namespace BnnCompiler.Simulator.Tests;

/// <summary>
/// The engine against the cost model's analytical timing (AnalyticalActivity.Estimate) on a one-block dense layer,
/// where both count the same steps one after another, and the engine's summary priced by CostModel.Price.
/// </summary>
public sealed class TimingAnalyticalComparisonTests
{
    /// <summary>image [1, 8] → sign (graph input: chip prologue) → dense "fc" 8→16 → sign: one 8 × 16 block, one pixel.</summary>
    private static IrGraph OneBlockDense()
    {
        var image = new IrValue("image", new TensorShape(1, 8));
        var signed = new IrValue("sign_in_out", image.Shape);
        var layout = LinearLayout.Dense(8, 16);
        var fcOut = new IrValue("fc_out", new TensorShape(1, 16));
        var output = new IrValue("sign_out", fcOut.Shape);
        var signs = Enumerable.Range(0, 8 * 16).Select(i => i % 3 == 0 ? (sbyte)-1 : (sbyte)1).ToArray();
        return new IrGraph("one-block", [image], [output],
        [
            new ThresholdNode("sign_in", "test", image, signed, [0.5f], 1, null, strict: false, outScale: 2f, outBias: -1f),
            new BinaryLinearNode("fc", "test", signed, fcOut, layout, signs, null, null),
            new ThresholdNode("sign", "test", fcOut, output, [0f], 1, null, strict: false, outScale: 2f, outBias: -1f),
        ]);
    }

    [Fact]
    public void Should_Agree_With_The_Analytical_Timing_On_A_One_Block_Layer()
    {
        // Given one 8 × 16 block (K = 8 ≤ 8 weight rows, N = 16 columns), read pulse 1 cycle, 4 columns per ADC, H-tree (6 hops)
        var spec = TimingTestModels.Tiny("cell.read_pulse_ns=2", "chip.interconnect.topology=h_tree");
        var mapping = CrossbarMapper.Map(OneBlockDense(), spec);

        // When both time it
        var engine = TimingEngine.Run(ProgramCompiler.Compile(mapping));
        var fc = engine.Stages.Single().Breakdown;
        var analytical = AnalyticalActivity.Estimate(mapping, spec, ActivityAssumptions.Default).Timing.Layers.Single();

        // Then the crossbar (1 read), ADC (4 mux steps of 1 cycle), accumulation (none) and activation (1) agree exactly
        Assert.Equal((1L, 4L, 0L, 1L), (fc.CrossbarCycles, fc.AdcCycles, fc.AccumulationCycles, fc.OtherCycles));
        Assert.Equal((analytical.CrossbarCycles, analytical.AdcCycles, analytical.AccumulationCycles, analytical.OtherCycles),
            (fc.CrossbarCycles, fc.AdcCycles, fc.AccumulationCycles, fc.OtherCycles));

        // The buffer: the analytical model writes and reads the K·b = 8 input bits through the tile input port (2 PE rows
        // · 16 subarray rows = 32 bits: 2 · 1 cycles) and the N = 16 one-bit results through the output port (one word
        // per PE column: 2 · ⌈16/2⌉ = 16); the engine streams the input once through its 16-bit tile port (1 cycle) and
        // stores the results over the bus (docs/cost-model.md, "Latency").
        Assert.Equal(2 + 16, analytical.BufferCycles);
        Assert.Equal(1, fc.BufferCycles);

        // The interconnect: the analytical model gives the layer's one tile of the 64 slots its share of the
        // width-conserving H-tree, 64 · 1/64 = 1 wire: (8 input + 16 output bits) / 1 = 24 cycles; the engine sends the
        // input down on the whole 64-bit bus (⌈8/64⌉ = 1 cycle + 6 hops) and the results up (⌈16/64⌉ = 1 + 6 hops): 14.
        Assert.Equal(24, analytical.InterconnectCycles);
        Assert.Equal(14, fc.InterconnectCycles);

        // The chip prologue (the input sign on 8 values, ⌈8/16⌉ = 1 cycle) is added to the stage in the summary.
        Assert.Equal(1, engine.PrologueCycles);
        Assert.Equal(fc.TotalCycles + 1, engine.ToTimingSummary().Layers.Single().TotalCycles);
    }

    [Fact]
    public void Should_Be_Priced_By_The_Cost_Model()
    {
        // Given the engine's summary of the one-block layer (stage 21 cycles + prologue 1, clock 2 ns)
        var spec = TimingTestModels.Tiny("cell.read_pulse_ns=2", "chip.interconnect.topology=h_tree");
        var mapping = CrossbarMapper.Map(OneBlockDense(), spec);
        var timing = TimingEngine.Run(ProgramCompiler.Compile(mapping));
        var counts = AnalyticalActivity.Estimate(mapping, spec, ActivityAssumptions.Default).Counts;

        // When the cost model prices it
        var report = BnnCompiler.CostModel.Pricing.CostModel.Price(mapping, counts, timing.ToTimingSummary(), CostOptions.Default);

        // Then the chip latency is the engine's interval: 22 cycles × 2 ns = 44 ns
        Assert.Equal(22, timing.IntervalCycles);
        Assert.Equal(44e-6, report.Cost.LatencyMs.Total, 12);
        Assert.Equal(2.0, report.ClockPeriodNs);
    }
}
