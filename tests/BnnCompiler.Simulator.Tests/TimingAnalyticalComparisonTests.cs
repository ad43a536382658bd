using BnnCompiler.Circuits;
using BnnCompiler.Core.Ir.Nodes;
using BnnCompiler.Core.Ir;
using BnnCompiler.Circuits.Activity;
using BnnCompiler.Circuits.Components;
using BnnCompiler.CostModel.Pricing;
using BnnCompiler.Hardware;
using BnnCompiler.Isa.Compilation;
using BnnCompiler.Isa;
using BnnCompiler.Mapping;
using BnnCompiler.Onnx;
using BnnCompiler.Simulator.Timing;
using BnnCompiler.Testing;

namespace BnnCompiler.Simulator.Tests;

/// <summary>
/// The engine against the cost model's analytical timing (AnalyticalActivity.Estimate): on a one-block dense layer
/// both count the same steps one after another; over many pixels the engine overlaps them, but holds the tile buffer
/// ports and the tile's share of the H-tree for the analytical model's cycles; and the engine's summary priced by
/// CostModel.Price.
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

        // The buffer: both write and read the K·b = 8 input bits through the tile input port (2 PE rows · 16 subarray rows
        // = 32 bits: 1 + 1 cycles) and the N = 16 one-bit results through the output port (one word per PE column:
        // ⌈16/2⌉ = 8 + 8): 18 cycles (docs/cost-model.md, "Latency").
        Assert.Equal(2 + 16, analytical.BufferCycles);
        Assert.Equal(analytical.BufferCycles, fc.BufferCycles);

        // The interconnect: the layer's one tile owns 64 / 64 slots = 1 wire of the width-conserving H-tree, so both move
        // (8 input + 16 output bits) / 1 = 24 cycles; the engine adds the tree's depth, 6 levels, to each of its two
        // transfers as latency (analytical: none): 24 + 2 · 6 = 36. The stage differs by those 12 cycles only.
        Assert.Equal(24, analytical.InterconnectCycles);
        Assert.Equal(24, engine.Resources.Single(r => r.Class == ResourceClass.TileLink).BusyCycles);
        Assert.Equal(analytical.InterconnectCycles + (2 * 6), fc.InterconnectCycles);
        Assert.Equal(analytical.TotalCycles + (2 * 6), fc.TotalCycles);

        // The chip prologue (the input sign on 8 values, ⌈8/16⌉ = 1 cycle) is added to the stage in the summary.
        Assert.Equal(1, engine.PrologueCycles);
        Assert.Equal(fc.TotalCycles + 1, engine.ToTimingSummary().Layers.Single().TotalCycles);
    }

    [Fact]
    public void Should_Occupy_The_Buffer_Ports_And_Links_For_The_Analytical_Cycles_Over_Many_Pixels()
    {
        // Given conv 2×2 stride 2 on a 4 × 4 image, 1 → 15 channels (K = 4, N = 15, P = 4 pixels, b = 2 input planes),
        // one block on one tile, H-tree with 1 wire for the tile (64 bits / 64 slots)
        var spec = TimingTestModels.Tiny("cell.read_pulse_ns=2", "chip.interconnect.topology=h_tree", "readout.input_bits=2");
        var mapping = CrossbarMapper.Map(TimingTestModels.SingleConv(15), spec);

        // When the engine runs it (pixels overlap) and the analytical model counts it
        var engine = TimingEngine.Run(ProgramCompiler.Compile(mapping));
        var analytical = AnalyticalActivity.Estimate(mapping, spec, ActivityAssumptions.Default).Timing.Layers.Single();

        // Then the busy cycles of the tile's ports and link are the analytical buffer and interconnect cycles.
        // Input port: per pixel 4 · 2 = 8 bits written and read, ⌈8/32⌉ + ⌈8/32⌉ = 2 → 8; analytical 2 · 4 · ⌈8/32⌉ = 8.
        // Output port: per pixel 15 words written and read, the engine rounds each pixel to whole lines of 2 words:
        // 4 · 2 · ⌈15/2⌉ = 64; the analytical model rounds once per image: 2 · ⌈4 · 15/2⌉ = 60. Stated tolerance: one
        // line per pixel and direction, 2 · P = 8 cycles (0 when the tile's outputs fill whole lines, as N = 16 above).
        // Link: per pixel 8 bits down and 15 up on 1 wire, 4 · 23 = 92; analytical (4 · 4 · 2 + 4 · 15) / 1 = 92.
        var input = Busy(engine, ResourceClass.TileInputBuffer);
        var output = Busy(engine, ResourceClass.TileOutputBuffer);
        Assert.Equal((8L, 64L), (input, output));
        Assert.Equal(68, analytical.BufferCycles);
        Assert.InRange(input + output - analytical.BufferCycles, 0, 2 * 4);
        Assert.Equal(92, analytical.InterconnectCycles);
        Assert.Equal(analytical.InterconnectCycles, Busy(engine, ResourceClass.TileLink));
    }

    [Fact]
    public void Should_Hold_The_Tile_Buffer_Ports_For_The_Analytical_Cycles_On_The_Default_Cnn()
    {
        // Given the shipped CNN on the default spec (tiles of 2 × 2 PEs of 2 × 2 subarrays of 64 weight rows × 128
        // columns: input port 2 · 128 = 256 bits, output port 2 words; 6 × 5 = 30 slots share the 2048-bit H-tree)
        var spec = HardwareSpecLoader.Load(RepoPaths.Require(RepoPaths.Repo(Path.Combine("hwspecs", "default.yaml"))), []);
        var mapping = CrossbarMapper.Map(OnnxFrontend.Load(RepoPaths.Require(RepoPaths.Repo(Path.Combine("onnx-models", "fmnist-cnn.onnx")))).Graph, spec);

        // When the engine runs one image and the analytical model counts it
        var engine = TimingEngine.Run(ProgramCompiler.Compile(mapping));
        var analytical = AnalyticalActivity.Estimate(mapping, spec, ActivityAssumptions.Default).Timing.Layers;

        // Then in every layer the busiest tile holds its input and output ports for the analytical buffer cycles
        // (every layer's outputs fill whole lines of 2 words). By hand, conv2 (K = 288, N = 32, 784 pixels, chip
        // accumulation): its first tile writes and reads the 256-row window slice (1 + 1) and 32 partial sums (16 + 16)
        // per pixel: 784 · 34 = 26,656.
        Assert.Equal(analytical.Select(l => l.BufferCycles),
            engine.Stages.Select(s => Busiest(s, ResourceClass.TileInputBuffer) + Busiest(s, ResourceClass.TileOutputBuffer)));
        var conv2 = engine.Stages.Single(s => s.Layer == "conv2");
        Assert.Equal(784 * 34, Busiest(conv2, ResourceClass.TileInputBuffer) + Busiest(conv2, ResourceClass.TileOutputBuffer));

        // The link: conv2's first tile owns 2048 / 30 = 68.3 wires and sends ⌈256 · 30 / 2048⌉ = 4 cycles down and its
        // 32 partial sums of 13 bits ⌈416 · 30 / 2048⌉ = 7 up per pixel: 784 · 11 = 8,624. The analytical model spreads
        // both tiles' bits over both shares without rounding per transfer: 6,432, the lower bound the engine stays above.
        var link = Busiest(conv2, ResourceClass.TileLink);
        Assert.Equal(784 * 11, link);
        Assert.InRange(link, analytical.Single(l => l.Layer == "conv2").InterconnectCycles, long.MaxValue);
    }

    [Fact]
    public void Should_Count_A_Read_And_A_Conversion_Per_Row_Group_In_Both_Counts()
    {
        // Given the one-block layer on 16-row subarrays read 4 rows at a time (4 row groups, each read and converted on its own)
        var all = TimingTestModels.Tiny("cell.read_pulse_ns=2", "chip.interconnect.topology=h_tree");
        var groups = TimingTestModels.Tiny("cell.read_pulse_ns=2", "chip.interconnect.topology=h_tree", "subarray.parallel_rows=4");
        Assert.Equal(4, groups.RowGroups);
        ActionTable Engine(HardwareSpec spec) => TimingEngine.Run(ProgramCompiler.Compile(CrossbarMapper.Map(OneBlockDense(), spec))).Stages.Single().Actions;
        ActionTable Analytical(HardwareSpec spec) => AnalyticalActivity.Estimate(CrossbarMapper.Map(OneBlockDense(), spec), spec, ActivityAssumptions.Default).Counts.Layers.Single().Actions;

        // Then reads, bit-line senses, conversions and mux selects are four times those of one all-row read; rows driven are not
        foreach (var count in new[] { Engine, Analytical })
        {
            var (one, four) = (count(all), count(groups));
            Assert.All(new[] { ChipActions.SubarrayRead, ChipActions.BitLineSense, ChipActions.AdcConvert, ChipActions.MuxSelect },
                a => Assert.Equal(4 * one[a], four[a]));
            Assert.True(one[ChipActions.AdcConvert] > 0);
            Assert.Equal(one[ChipActions.RowDrive], four[ChipActions.RowDrive]);
        }

        Assert.Equal(Analytical(groups)[ChipActions.AdcConvert], Engine(groups)[ChipActions.AdcConvert]);
    }

    [Theory]
    [InlineData("all", 1)]
    [InlineData("8", 1)]  // groups of 8 weight rows: the 8-row block is read once, not 16 / 8 = 2 times
    [InlineData("4", 2)]
    [InlineData("2", 4)]
    public void Should_Charge_Each_Block_The_Row_Groups_Its_Rows_Are_Read_In(string parallelRows, int groups)
    {
        // Given the one-block layer (K = 8) with the pair in columns: 16 weight rows × 8 weight columns a subarray, so
        // N = 16 takes two blocks of 8 rows × 16 physical columns; a group is parallel_rows weight rows
        var spec = TimingTestModels.Tiny("cell.read_pulse_ns=2", "weights.pair_layout=columns", "subarray.parallel_rows=" + parallelRows);
        var mapping = CrossbarMapper.Map(OneBlockDense(), spec);
        var program = ProgramCompiler.Compile(mapping);
        var engine = TimingEngine.Run(program).Stages.Single();
        var (counts, timing) = AnalyticalActivity.Estimate(mapping, spec, ActivityAssumptions.Default);

        // Then both counts charge each block g reads and 16 · g conversions, folded in the shift-add unit only when g > 1
        foreach (var actions in new[] { engine.Actions, counts.Layers.Single().Actions })
        {
            Assert.Equal(2 * groups, actions[ChipActions.SubarrayRead]);
            Assert.Equal(2 * 16 * groups, actions[ChipActions.AdcConvert]);
            Assert.Equal(groups > 1 ? 2 * 16 * groups : 0, actions[ChipActions.ShiftAdd]);
        }

        // The compiler emits a shift_add per block only then; each read takes g pulses of 1 cycle and each convert g
        // passes of 4 mux steps (16 columns on 4 ADCs) of 1 cycle, the two blocks' subarrays side by side
        Assert.Equal(groups > 1 ? 2 : 0, program.Stages.Single().Copies[0].Body.OfType<ShiftAddInstruction>().Count());
        Assert.Equal((1L * groups, 4L * groups), (engine.Breakdown.CrossbarCycles, engine.Breakdown.AdcCycles));
        var layer = timing.Layers.Single();
        Assert.Equal((layer.CrossbarCycles, layer.AdcCycles), (engine.Breakdown.CrossbarCycles, engine.Breakdown.AdcCycles));

        // The chip builds the shift-add unit only for a block read in more than one group, ⌈log2 g⌉ bits wider
        var circuits = ChipCircuits.Build(mapping, CircuitOptions.Default);
        var unit = groups > 1
            ? ShiftAddModel.PerAdc(spec.Readout.AdcBits, spec.Readout.InputBits + (groups == 2 ? 1 : 2), circuits.Tech)
            : UnitCost.Zero;
        Assert.Equal(unit, circuits.ShiftAdd);
    }

    private static long Busiest(StageTiming stage, ResourceClass c) => stage.Resources.Single(r => r.Class == c).BusiestInstanceCycles;

    private static long Busy(TimingResult result, ResourceClass c) => result.Resources.Single(r => r.Class == c).BusyCycles;

    [Fact]
    public void Should_Be_Priced_By_The_Cost_Model()
    {
        // Given the engine's summary of the one-block layer (stage 1 + 4 + 1 + 18 + 36 = 60 cycles + prologue 1, clock 2 ns)
        var spec = TimingTestModels.Tiny("cell.read_pulse_ns=2", "chip.interconnect.topology=h_tree");
        var mapping = CrossbarMapper.Map(OneBlockDense(), spec);
        var timing = TimingEngine.Run(ProgramCompiler.Compile(mapping));
        var counts = AnalyticalActivity.Estimate(mapping, spec, ActivityAssumptions.Default).Counts;

        // When the cost model prices it
        var report = BnnCompiler.CostModel.Pricing.CostModel.Price(mapping, counts, timing.ToTimingSummary(), CircuitOptions.Default);

        // Then the chip latency is the engine's interval: 61 cycles × 2 ns = 122 ns
        Assert.Equal(61, timing.IntervalCycles);
        Assert.Equal(122e-6, report.Cost.LatencyMs.Total, 12);
        Assert.Equal(2.0, report.ClockPeriodNs);
    }
}
