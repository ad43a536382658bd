using BnnCompiler.Hardware;
using BnnCompiler.Simulator.Timing;

namespace BnnCompiler.Simulator.Tests;

/// <summary>
/// Hand-computed cycle counts of a two-layer pipeline (TimingTestModels.TwoLayerConv on hwspecs/tiny.yaml), with and
/// without duplication and with 4 vs 1 columns per ADC.
/// <para>
/// Common numbers. Clock 2 ns; read pulse set to 2 ns → 1 cycle; H-tree over 8 × 8 = 64 tile slots, bus 64 bits → a
/// tile's share of the width-conserving tree is 64 / 64 = 1 bit a cycle (its link L carries b bits in b cycles), and
/// every tile is 3 + 3 = 6 levels deep (6 cycles of latency on top); multi-level sense amp → 1 cycle a conversion;
/// subarray 16 × 16 cells, two cells per weight in rows → 8 weight rows × 16 columns; tile 2 × 2 PEs of 2 × 2
/// subarrays → tile input buffer port I = 2 PE rows · 16 subarray rows = 32 bits, output buffer port O = 2 words (one
/// per PE column). Columns per ADC 4: 4 ADCs a subarray, tree lanes 4, digital lanes 2·2·4 = 16; columns per ADC 1:
/// 16 ADCs, tree lanes 16, digital lanes 64. Each layer sits on one tile (its own L, I, O).
/// </para>
/// <para>
/// conv0: K = 4, N = 16, 4 pixels, input_bits 2 → 2 planes, one block. Per pixel: transfer down the window, 4 rows × 2
/// bits = 8 bits (L 8 cycles, done 8 + 6 = 14 after its start); write it into the input buffer ⌈8/32⌉ = 1 (I) and read
/// it out 1 (I); per plane read 1, convert (16 columns over 4 ADCs → 4 mux steps) 4 or (16 ADCs) 1, shift_add 1;
/// activate ⌈16/16⌉ = 1; write the 16 one-bit results into the output buffer ⌈16/2⌉ = 8 (O), read them out 8 (O);
/// store 16 bits (L 16, done 16 + 6 = 22 after its start).
/// </para>
/// <para>
/// conv1: K = 16, N = 8, 4 pixels, bipolar → 1 plane; two row blocks in one PE (partial sums added by the PE tree).
/// Per pixel: transfer 16 rows × 1 bit (L 16, done 22 later); write 1, read 1 (I); per block read 1, convert (8 columns:
/// ⌈8/4⌉ = 2 mux steps, or 1); accumulate 2 operands × 8 elements: ⌈8/4⌉ = 2 issue cycles, latency 1 + 2 − 1 = 2 (lanes
/// 16: 1 and 1); activate 1; write 8 words ⌈8/2⌉ = 4, read 4 (O); store 8 bits (L 8, done 14 later).
/// </para>
/// <para>
/// The engine issues pixel 0's whole body, then pixel 1's, …; a later pixel's instruction takes the earliest gap of
/// its resource at or after its ready time, so pixel 1's transfer down slips in before pixel 0's store on L.
/// </para>
/// </summary>
public sealed class TimingPipelineTests
{
    // 1 copy, 4 columns per ADC. [a,b) = the cycles a resource is held; "e" = when the result is ready.
    // conv0 p0: transfer L[0,8) e14; write I[14,15); read I[15,16) e16; read plane 0 [16,17); convert [17,21); shift_add
    //   [21,22); read plane 1 [21,22); convert [22,26); shift_add [26,27); activate [27,28); write O[28,36); read O[36,44);
    //   store L[44,60) e66.
    //  p1: transfer L[8,16) e22; I[22,23), I[23,24); subarray busy to 26: read [26,27) convert [27,31) shift_add [31,32),
    //   read [31,32) convert [32,36) shift_add [36,37); activate [37,38); O[44,52), O[52,60); store L[60,76) e82.
    //  p2: transfer L[16,24) e30; I to 32; reads/converts [36,46), shift_add [46,47); activate [47,48); O[60,68), O[68,76);
    //   store L[76,92) e98.
    //  p3: transfer L[24,32) e38; I to 40; subarray [46,56), shift_add [56,57); activate [57,58); O[76,84), O[84,92);
    //   store L[92,108) e114. conv0 = 114 (L busy 4 · (8 + 16) = 96 of them).
    // conv1 p0: transfer L[0,16) e22; I[22,23), I[23,24); reads [24,25); converts [25,27); accumulate [27,29); activate
    //   [29,30); O[30,34), O[34,38); store L[38,46) e52.
    //  p1: transfer L[16,32) e38; I[38,39), I[39,40); read [40,41); convert [41,43); accumulate [43,45); activate [45,46);
    //   O[46,50), O[50,54); store L[54,62) e68.
    //  p2: transfer: L's gaps [32,38) and [46,54) are shorter than 16 → L[62,78) e84; I to 86; read [86,87); convert
    //   [87,89); accumulate [89,91); activate [91,92); O[92,96), O[96,100); store L[100,108) e114.
    //  p3: transfer into the gap [78,100): L[78,94) e100; I to 102; read [102,103); convert [103,105); accumulate
    //   [105,107); activate [107,108); O[108,112), O[112,116); store L[116,124) e130. conv1 = 130.
    [Theory]
    [InlineData(1, 4, 114, 130)]
    // 1 copy, 1 column per ADC (convert 1 cycle; conv1's accumulate 1 issue cycle, latency 1).
    // conv0 p0: L[0,8) e14; I to 16; read [16,17) convert [17,18) shift_add [18,19); read [18,19) convert [19,20)
    //   shift_add [20,21); activate [21,22); O[22,30), O[30,38); store L[38,54) e60.
    //  p1: L[8,16) e22; I to 24; subarray [24,28), shift_add [28,29); activate [29,30); O[38,46), O[46,54); L[54,70) e76.
    //  p2: L[16,24) e30; I to 32; subarray [32,36); activate [37,38); O[54,62), O[62,70); L[70,86) e92.
    //  p3: L[24,32) e38; I to 40; subarray [40,44); activate [45,46); O[70,78), O[78,86); L[86,102) e108. conv0 = 108.
    // conv1 p0: L[0,16) e22; I to 24; read [24,25); convert [25,26); accumulate [26,27); activate [27,28); O[28,32),
    //   O[32,36); store L[36,44) e50.
    //  p1: L[16,32) e38; I to 40; read [40,41) … activate [43,44); O[44,48), O[48,52); store L[52,60) e66.
    //  p2: L's gaps [32,36) and [44,52) are too short → L[60,76) e82; I to 84; … activate [87,88); O[88,92), O[92,96);
    //   store L[96,104) e110.
    //  p3: gap [76,96) → L[76,92) e98; I to 100; … activate [103,104); O[104,108), O[108,112); store L[112,120) e126.
    [InlineData(1, 1, 108, 126)]
    // 2 copies: pixels 0–1 and 2–3 on their own tiles, and with the H-tree each tile has its own share of the bus, so the
    // copies share nothing: each stage is the schedule of pixels 0 and 1 above.
    // 4 columns per ADC: conv0 p1's store ends at 82, conv1 p1's at 68.
    [InlineData(2, 4, 82, 68)]
    // 1 column per ADC: conv0 p1 ends at 76, conv1 p1 at 66.
    [InlineData(2, 1, 76, 66)]
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
        // conv0: convert 4 steps · 5 = 20; the subarray is busy 2 · (1 + 20) = 42 a pixel.
        //  p0: L[0,8) e14; I to 16; read [16,17); convert [17,37); shift_add [37,38); read [37,38); convert [38,58);
        //   shift_add [58,59); activate [59,60); O[60,68), O[68,76); store L[76,92) e98.
        //  p1: L[8,16) e22; I to 24; subarray [58,100); shift_add [100,101); activate [101,102); O[102,110), O[110,118);
        //   store L[118,134) e140.
        //  p2: subarray [100,142); activate [143,144); O[144,152), O[152,160); store L[160,176) e182.
        //  p3: subarray [142,184); activate [185,186); O[186,194), O[194,202); store L[202,218) e224.
        // conv1: convert 2 steps · 5 = 10.
        //  p0: L[0,16) e22; I to 24; read [24,25); convert [25,35); accumulate [35,37); activate [37,38); O[38,42), O[42,46);
        //   store L[46,54) e60.
        //  p1: L[16,32) e38; I to 40; read [40,41); convert [41,51); accumulate [51,53); activate [53,54); O[54,58),
        //   O[58,62); store L[62,70) e76.
        //  p2: L's gaps [32,46) and [54,62) are too short → L[70,86) e92; I to 94; read [94,95); convert [95,105);
        //   accumulate [105,107); activate [107,108); O[108,112), O[112,116); store L[116,124) e130.
        //  p3: gap [86,116) → L[86,102) e108; I to 110; read [110,111); convert [111,121); accumulate [121,123); activate
        //   [123,124); O[124,128), O[128,132); store L[132,140) e146.
        var spec = TimingTestModels.Tiny("cell.read_pulse_ns=2", "chip.interconnect.topology=h_tree", "readout.input_bits=2", "readout.adc_type=sar");

        var result = TimingEngine.Run(TimingTestModels.Compile(TimingTestModels.TwoLayerConv(), spec));

        Assert.Equal([224L, 146L], result.Stages.Select(s => s.Cycles));
    }

    [Fact]
    public void Should_Sum_The_Stages_Layer_By_Layer()
    {
        var spec = TimingTestModels.Tiny("cell.read_pulse_ns=2", "chip.interconnect.topology=h_tree", "readout.input_bits=2", "pipeline.mode=layer_by_layer");

        var result = TimingEngine.Run(TimingTestModels.Compile(TimingTestModels.TwoLayerConv(), spec));

        Assert.Equal(PipelineMode.LayerByLayer, result.Mode);
        Assert.Equal(114 + 130, result.IntervalCycles);
        Assert.Equal(114 + 130, result.LatencyCycles);
    }

    [Fact]
    public void Should_Split_A_Stage_Along_Its_Critical_Path()
    {
        // conv0, 1 copy, 4 columns per ADC: the last instruction is pixel 3's store L[92,108) e114. Walking back: store 22
        // (interconnect, no wait); output read O[84,92) 8 (buffer); output write O[76,84) 8 (buffer), which waited
        // 76 − 58 = 18 for O, busy with buffer work only (18 buffer); activate 1 (other); shift_add 1 (accumulation); its
        // later input, convert [52,56) 4 (ADC); read [51,52) 1 (crossbar), which waited 51 − 40 = 11 for the subarray, whose
        // busy time is 8 read + 32 convert cycles: 11·8/40 = 2.2 → 2 crossbar, 8.8 → 8 ADC, the remaining 1 to the larger
        // (ADC); input read 1 and write 1 (buffer); transfer 14 (interconnect), which waited 24 for L (interconnect).
        // crossbar 1 + 2 = 3, ADC 4 + 9 = 13, accumulation 1, buffer 8 + 8 + 18 + 1 + 1 = 36, interconnect 22 + 14 + 24 = 60,
        // other 1: 114.
        var spec = TimingTestModels.Tiny("cell.read_pulse_ns=2", "chip.interconnect.topology=h_tree", "readout.input_bits=2");

        var conv0 = TimingEngine.Run(TimingTestModels.Compile(TimingTestModels.TwoLayerConv(), spec)).Stages[0].Breakdown;

        Assert.Equal((3L, 13L, 1L, 36L, 60L, 1L),
            (conv0.CrossbarCycles, conv0.AdcCycles, conv0.AccumulationCycles, conv0.BufferCycles, conv0.InterconnectCycles, conv0.OtherCycles));
    }

    [Fact]
    public void Should_Report_Resource_Utilisation_Over_The_Image_Interval()
    {
        // 1 copy, 4 columns per ADC: interval max(114, 130) = 130. Subarrays: conv0's is busy 4 pixels · 10 = 40, conv1's
        // two 4 · 3 = 12 each: 64 over 3 instances. Links: each layer's tile 4 · (8 + 16) = 96 and 4 · (16 + 8) = 96: 192
        // over 2; no global bus (the H-tree gives each tile its own share). Input buffers 4 · (1 + 1) = 8 each: 16 over 2;
        // output buffers 4 · (8 + 8) = 64 and 4 · (4 + 4) = 32: 96 over 2.
        var spec = TimingTestModels.Tiny("cell.read_pulse_ns=2", "chip.interconnect.topology=h_tree", "readout.input_bits=2");

        var result = TimingEngine.Run(TimingTestModels.Compile(TimingTestModels.TwoLayerConv(), spec));

        var subarrays = result.Resources.Single(r => r.Class == ResourceClass.Subarray);
        Assert.Equal((3, 64L), (subarrays.Instances, subarrays.BusyCycles));
        Assert.Equal(64.0 / (3 * 130), subarrays.Utilization, 12);
        var links = result.Resources.Single(r => r.Class == ResourceClass.TileLink);
        Assert.Equal((2, 192L), (links.Instances, links.BusyCycles));
        Assert.Equal(192.0 / (2 * 130), links.Utilization, 12);
        Assert.DoesNotContain(result.Resources, r => r.Class == ResourceClass.GlobalBus);
        Assert.Equal((2, 16L), Usage(result, ResourceClass.TileInputBuffer));
        Assert.Equal((2, 96L), Usage(result, ResourceClass.TileOutputBuffer));
    }

    [Fact]
    public void Should_Share_The_Global_Bus_Of_A_Mesh()
    {
        // Mesh (tiny.yaml's own): every transfer and tile store uses the one 64-bit link at the global buffer, whatever the
        // tile: per pixel conv0 sends 8 bits down and stores 16, conv1 sends 16 and stores 8, ⌈bits / 64⌉ = 1 cycle each:
        // 4 pixels · 2 · 2 layers = 16 bus cycles per image, on one instance. The stages share it, so it is the
        // chip-shared load (no prologue, no chip accumulation).
        var spec = TimingTestModels.Tiny("cell.read_pulse_ns=2", "readout.input_bits=2");

        var result = TimingEngine.Run(TimingTestModels.Compile(TimingTestModels.TwoLayerConv(), spec));

        Assert.Equal((1, 16L), Usage(result, ResourceClass.GlobalBus));
        Assert.DoesNotContain(result.Resources, r => r.Class == ResourceClass.TileLink);
        Assert.Equal(16, result.SharedResourceCycles);
    }

    private static (int, long) Usage(TimingResult result, ResourceClass c)
    {
        var usage = result.Resources.Single(r => r.Class == c);
        return (usage.Instances, usage.BusyCycles);
    }
}
