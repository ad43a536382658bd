using BnnCompiler.Hardware;
using BnnCompiler.Simulator.Timing;

namespace BnnCompiler.Simulator.Tests;

/// <summary>
/// Hand-computed cycle counts of a two-layer pipeline (TimingTestModels.TwoLayerConv on hwspecs/tiny.yaml), with and
/// without duplication and with 4 vs 1 columns per ADC.
/// <para>
/// Common numbers. Clock 2 ns; read pulse set to 2 ns → 1 cycle; H-tree over 8 × 8 tiles → every tile 3 + 3 = 6 hops;
/// bus 64 bits; multi-level sense amp → 1 cycle a conversion; subarray 16 × 16 cells, two cells per weight in rows →
/// 8 weight rows × 16 columns; tile 2 × 2 PEs of 2 × 2 subarrays → tile port 2 · 8 = 16 bits. Columns per ADC 4: 4 ADCs
/// a subarray, tree lanes 4, digital lanes 2·2·4 = 16; columns per ADC 1: 16 ADCs, tree lanes 16, digital lanes 64.
/// </para>
/// <para>
/// conv0: K = 4, N = 16, 4 pixels, input_bits 2 → 2 planes, one block. Per pixel: transfer down ⌈32·4/(4·4)⌉ = 8 bits
/// (occupies the bus 1 cycle, done 1 + 6 = 7 cycles later); load 4·2 = 8 bits (1 cycle); per plane read 1, convert
/// (16 columns over 4 ADCs → 4 mux steps) 4 or (16 ADCs) 1, shift_add 1; activate ⌈16/16⌉ = 1; store 16 bits (bus 1,
/// done 7 later). The subarray does 2·(1 + 4) = 10 (or 2·(1 + 1) = 4) cycles a pixel.
/// </para>
/// <para>
/// conv1: K = 16, N = 8, 4 pixels, bipolar → 1 plane; two row blocks in one PE (partial sums added by the PE tree).
/// Per pixel: transfer ⌈64·16/(16·4)⌉ = 16 bits (bus 1, done 7); load 16 bits (1); per block read 1, convert (8 columns:
/// ⌈8/4⌉ = 2 mux steps, or 1); accumulate 2 operands × 8 elements: ⌈8/4⌉ = 2 issue cycles, latency 1 + 2 − 1 = 2 (lanes
/// 16: 1 and 1); activate 1; store 8 bits (bus 1, done 7).
/// </para>
/// </summary>
public sealed class TimingPipelineTests
{
    // 1 copy, 4 columns per ADC.
    // conv0, pixel 0: transfer [0,1) → 7; load [7,8) → 8; read [8,9); convert [9,13); shift_add [13,14); read plane 1 [13,14);
    //   convert [14,18); shift_add [18,19); activate [19,20); store bus [20,21) → 27. The subarray is then busy 10 a pixel:
    //   pixel n ends 27 + 10n → pixel 3 ends 57.
    // conv1, pixel 0: transfer [0,1) → 7; load [7,8) → 8; reads [8,9) on both subarrays; converts [9,11); accumulate [11,13);
    //   activate [13,14); store [14,15) → 21. Each subarray is busy 1 + 2 = 3 a pixel: pixel n ends 21 + 3n → 30.
    [Theory]
    [InlineData(1, 4, 57, 30)]
    // 1 copy, 1 column per ADC. conv0: read [8,9) convert [9,10) shift_add [10,11); read [10,11) convert [11,12)
    //   shift_add [12,13); activate [13,14); store [14,15) → 21; subarray busy 4 a pixel → pixel 3 ends 21 + 12 = 33.
    // conv1: reads [8,9), converts [9,10), accumulate (1 issue, latency 1) [10,11), activate [11,12), store [12,13) → 19;
    //   subarray busy 2 a pixel → 19 + 6 = 25.
    [InlineData(1, 1, 33, 25)]
    // 2 copies (pixels 0–1 and 2–3 on their own tiles; only the bus is shared), 4 columns per ADC. Issue order: pixel 0 of
    // copy 0, of copy 1, pixel 1 of copy 0, of copy 1.
    // conv0: c0p0 as above → 27 (bus [0,1), [20,21)). c1p0: transfer [1,2) → 8; load [8,9); read [9,10) … shift_add
    //   [19,20); activate [20,21); store [21,22) → 28. c0p1: transfer [2,3) → 9; load [9,10); read waits for the subarray
    //   (busy to 18): [18,19) … shift_add [28,29); activate [29,30); store [30,31) → 37. c1p1: transfer [3,4) → 10; load
    //   [10,11); read [19,20) … activate [30,31); store (bus free at 31) [31,32) → 38.
    // conv1: c0p0 → 21 (store [14,15)). c1p0: transfer [1,2) → 8; load [8,9); read [9,10); convert [10,12); accumulate
    //   [12,14); activate [14,15); store [15,16) → 22. c0p1: transfer [2,3) → 9; load [9,10); read [11,12) (subarray busy
    //   to 11); convert [12,14); accumulate [14,16); activate [16,17); store [17,18) → 24. c1p1: transfer [3,4) → 10; load
    //   [10,11); read [12,13); convert [13,15); accumulate [15,17); activate [17,18); store [18,19) → 25.
    [InlineData(2, 4, 38, 25)]
    // 2 copies, 1 column per ADC.
    // conv0: c0p0 → 21 (store [14,15)); c1p0: transfer [1,2) → 8, load [8,9), read [9,10) … activate [14,15), store [15,16)
    //   → 22; c0p1: transfer [2,3) → 9, load [9,10), read [12,13) (subarray busy to 12) … activate [17,18), store [18,19) → 25;
    //   c1p1: transfer [3,4) → 10, load [10,11), read [13,14) … activate [18,19), store [19,20) → 26.
    // conv1: c0p0 → 19 (store [12,13)); c1p0: … activate [12,13), store [13,14) → 20; c0p1: read [10,11), convert [11,12),
    //   accumulate [12,13), activate [13,14), store [14,15) → 21; c1p1: read [11,12) … activate [14,15), store [15,16) → 22.
    [InlineData(2, 1, 26, 22)]
    public void Should_Match_Hand_Computed_Stage_Cycles(int copies, int columnsPerAdc, long conv0Cycles, long conv1Cycles)
    {
        // Given the two-layer pipeline on the tiny chip
        var spec = TimingTestModels.Tiny(
            "cell.read_pulse_ns=2", "chip.interconnect.topology=h_tree", "readout.input_bits=2",
            $"readout.columns_per_adc={columnsPerAdc}", $"pipeline.duplication.degree={copies}");
        var program = TimingTestModels.Compile(TimingTestModels.TwoLayerConv(), spec);

        // When it runs for one image
        var result = TimingEngine.Run(program);

        // Then every stage takes the hand-computed cycles; pipelined, an image every max(stages); latency their sum
        Assert.Equal(copies, result.Stages[0].Copies);
        Assert.Equal([conv0Cycles, conv1Cycles], result.Stages.Select(s => s.Cycles));
        Assert.Equal(0, result.PrologueCycles);
        Assert.Equal(Math.Max(conv0Cycles, conv1Cycles), result.IntervalCycles);
        Assert.Equal(conv0Cycles + conv1Cycles, result.LatencyCycles);
        Assert.Equal(2.0 * (conv0Cycles + conv1Cycles), result.LatencyNs, 9);
        Assert.Equal(1e9 / (2.0 * Math.Max(conv0Cycles, conv1Cycles)), result.ImagesPerSecond, 6);
        Assert.All(result.Stages, s => Assert.Equal(s.Cycles, s.Breakdown.TotalCycles));
    }

    [Fact]
    public void Should_Take_One_Cycle_Per_Bit_With_A_Sar_Adc()
    {
        // 1 copy, 4 columns per ADC, a 5-bit SAR ADC: a conversion takes 5 cycles.
        // conv0: convert 4 steps · 5 = 20. Pixel 0: transfer → 7; load [7,8); read [8,9); convert [9,29); shift_add [29,30);
        //   read [29,30); convert [30,50); shift_add [50,51); activate [51,52); store [52,53) → 59. The subarray is busy
        //   2 · (1 + 20) = 42 a pixel → pixel 3 ends 59 + 3 · 42 = 185.
        // conv1: convert 2 steps · 5 = 10. Pixel 0: read [8,9); convert [9,19); accumulate [19,21); activate [21,22);
        //   store [22,23) → 29; subarray busy 11 a pixel → 29 + 33 = 62.
        var spec = TimingTestModels.Tiny("cell.read_pulse_ns=2", "chip.interconnect.topology=h_tree", "readout.input_bits=2", "readout.adc_type=sar");

        var result = TimingEngine.Run(TimingTestModels.Compile(TimingTestModels.TwoLayerConv(), spec));

        Assert.Equal([185L, 62L], result.Stages.Select(s => s.Cycles));
    }

    [Fact]
    public void Should_Sum_The_Stages_Layer_By_Layer()
    {
        var spec = TimingTestModels.Tiny("cell.read_pulse_ns=2", "chip.interconnect.topology=h_tree", "readout.input_bits=2", "pipeline.mode=layer_by_layer");

        var result = TimingEngine.Run(TimingTestModels.Compile(TimingTestModels.TwoLayerConv(), spec));

        Assert.Equal(PipelineMode.LayerByLayer, result.Mode);
        Assert.Equal(57 + 30, result.IntervalCycles);
        Assert.Equal(57 + 30, result.LatencyCycles);
    }

    [Fact]
    public void Should_Split_A_Stage_Along_Its_Critical_Path()
    {
        // conv0, 1 copy, 4 columns per ADC: the last instruction is pixel 3's store. Walking back: store 7 (interconnect),
        // activate 1 (other), shift_add 1 (accumulation), convert 4 (ADC), read 1 (crossbar) which waited 43 − 11 = 32
        // cycles for the subarray, whose busy time is 8 read + 32 convert cycles: 32·8/40 = 6.4 → 6 crossbar, 25.6 → 25 ADC,
        // the remaining 1 to the larger (ADC); load 1 (buffer); transfer 7 (interconnect) that waited 3 for the bus.
        // crossbar 1 + 6 = 7, ADC 4 + 26 = 30, accumulation 1, buffer 1, interconnect 7 + 7 + 3 = 17, other 1: 57.
        var spec = TimingTestModels.Tiny("cell.read_pulse_ns=2", "chip.interconnect.topology=h_tree", "readout.input_bits=2");

        var conv0 = TimingEngine.Run(TimingTestModels.Compile(TimingTestModels.TwoLayerConv(), spec)).Stages[0].Breakdown;

        Assert.Equal((7L, 30L, 1L, 1L, 17L, 1L),
            (conv0.CrossbarCycles, conv0.AdcCycles, conv0.AccumulationCycles, conv0.BufferCycles, conv0.InterconnectCycles, conv0.OtherCycles));
    }

    [Fact]
    public void Should_Report_Resource_Utilisation_Over_The_Image_Interval()
    {
        // 1 copy, 4 columns per ADC: interval 57. Subarrays: conv0's is busy 4 pixels · 10 = 40, conv1's two 4 · 3 = 12
        // each: 64 over 3 instances. Bus: 4 pixels · 2 words in each stage = 16 over 1 instance.
        var spec = TimingTestModels.Tiny("cell.read_pulse_ns=2", "chip.interconnect.topology=h_tree", "readout.input_bits=2");

        var result = TimingEngine.Run(TimingTestModels.Compile(TimingTestModels.TwoLayerConv(), spec));

        var subarrays = result.Resources.Single(r => r.Class == ResourceClass.Subarray);
        Assert.Equal((3, 64L), (subarrays.Instances, subarrays.BusyCycles));
        Assert.Equal(64.0 / (3 * 57), subarrays.Utilization, 12);
        var bus = result.Resources.Single(r => r.Class == ResourceClass.GlobalBus);
        Assert.Equal((1, 16L), (bus.Instances, bus.BusyCycles));
    }
}
