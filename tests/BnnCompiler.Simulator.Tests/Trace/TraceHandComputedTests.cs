using BnnCompiler.Simulator.Timing;
using BnnCompiler.Simulator.Timing.Trace;

namespace BnnCompiler.Simulator.Tests.Trace;

/// <summary>
/// The trace of the hand-computed two-layer pipeline (TimingPipelineTests: 1 copy, 4 columns per ADC, H-tree with a
/// 1-bit-a-cycle link per tile and 6 levels, 2-bit inputs): every slice of pixel 0 of conv0 at the cycles worked out
/// there, conv1 placed after conv0's 114 cycles, and the last result at the image latency of 244.
/// </summary>
public sealed class TraceHandComputedTests
{
    private static readonly string[] Overrides = ["cell.read_pulse_ns=2", "chip.interconnect.topology=h_tree", "readout.input_bits=2"];

    [Fact]
    public void Should_Record_The_Hand_Computed_Slices_Of_Pixel_0()
    {
        // Given the two-layer pipeline
        var program = TimingTestModels.Compile(TimingTestModels.TwoLayerConv(), TimingTestModels.Tiny(Overrides));

        // When the engine runs it with a trace
        var trace = new TimingTrace();
        TimingEngine.Run(program, trace);

        // Then conv0 p0 is: transfer L[0,8) e14; write I[14,15); read I[15,16); read plane 0 [16,17); convert [17,21);
        // shift_add [21,22); read plane 1 [21,22); convert [22,26); shift_add [26,27); activate [27,28); write O[28,36);
        // read O[36,44); store L[44,60) e66. (mnemonic, plane, start, busy cycles, latency)
        (string, int, long, long, long)[] expected =
        [
            ("transfer", -1, 0, 8, 14), ("write_buffer", -1, 14, 1, 1), ("read_buffer", -1, 15, 1, 1),
            ("read", 0, 16, 1, 1), ("convert", 0, 17, 4, 4), ("read", 1, 21, 1, 1), ("shift_add", 0, 21, 1, 1),
            ("convert", 1, 22, 4, 4), ("shift_add", 1, 26, 1, 1), ("activate", -1, 27, 1, 1),
            ("write_buffer", -1, 28, 8, 8), ("read_buffer", -1, 36, 8, 8), ("store", -1, 44, 16, 22),
        ];
        Assert.Equal(expected, Pixel(trace, 0, 0));

        // conv1 p0 starts when conv0 has finished (114): transfer L[0,16) e22; I[22,23), I[23,24); reads [24,25);
        // converts [25,27); accumulate [27,29); activate [29,30); O[30,34), O[34,38); store L[38,46) e52.
        (string, int, long, long, long)[] conv1 =
        [
            ("transfer", -1, 114, 16, 22), ("write_buffer", -1, 136, 1, 1), ("read_buffer", -1, 137, 1, 1),
            ("read", 0, 138, 1, 1), ("read", 0, 138, 1, 1), ("convert", 0, 139, 2, 2), ("convert", 0, 139, 2, 2),
            ("accumulate", -1, 141, 2, 2), ("activate", -1, 143, 1, 1),
            ("write_buffer", -1, 144, 4, 4), ("read_buffer", -1, 148, 4, 4), ("store", -1, 152, 8, 14),
        ];
        Assert.Equal(conv1, Pixel(trace, 1, 0));

        // The last result: conv1 p3's store L[116,124) e130, i.e. [230,238), ready at 244 = the latency.
        var last = trace.Slices.MaxBy(s => s.EndCycle)!;
        Assert.Equal(("store", 3, 230L, 244L), (last.Instruction.Mnemonic, last.Pixel, last.StartCycle, last.EndCycle));
        Assert.Equal([(-1, 0L, 0L), (0, 0L, 114L), (1, 114L, 130L)], trace.Stages.Select(s => (s.Index, s.StartCycle, s.Cycles)));
    }

    [Fact]
    public void Should_Not_Change_The_Timing_When_Tracing()
    {
        var program = TimingTestModels.Compile(TimingTestModels.TwoLayerConv(), TimingTestModels.Tiny(Overrides));

        var plain = TimingEngine.Run(program);
        var traced = TimingEngine.Run(program, new TimingTrace());

        Assert.Equal(plain.Stages, traced.Stages);
        Assert.Equal((plain.LatencyCycles, plain.IntervalCycles), (traced.LatencyCycles, traced.IntervalCycles));
        Assert.Equal(plain.Resources, traced.Resources);
    }

    private static List<(string, int, long, long, long)> Pixel(TimingTrace trace, int stage, int pixel) => trace.Slices
        .Where(s => s.Stage == stage && s.Pixel == pixel)
        .Select(s => (s.Instruction.Mnemonic, Plane(s), s.StartCycle, s.OccupancyCycles, s.LatencyCycles))
        .OrderBy(x => x.StartCycle).ThenBy(x => x.Mnemonic, StringComparer.Ordinal).ThenBy(x => x.Item2)
        .ToList();

    private static int Plane(TraceSlice s) => s.Instruction switch
    {
        Isa.ReadInstruction r => r.Plane,
        Isa.ConvertInstruction c => c.Plane,
        Isa.ShiftAddInstruction a => a.Plane,
        _ => -1,
    };
}
