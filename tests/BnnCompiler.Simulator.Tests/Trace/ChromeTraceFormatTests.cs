using System.Text.Json;
using BnnCompiler.Hardware;
using BnnCompiler.Isa;
using BnnCompiler.Isa.Compilation;
using BnnCompiler.Mapping;
using BnnCompiler.Onnx;
using BnnCompiler.Simulator.Timing;
using BnnCompiler.Simulator.Timing.Trace;
using BnnCompiler.Testing;

namespace BnnCompiler.Simulator.Tests.Trace;

/// <summary>
/// The Chrome trace of the shipped default model on the default spec, and of the hand-computed pipeline over several
/// images, read back as JSON and checked against the engine's own figures: the trace event format's fields, no two
/// busy slices overlapping on a resource's track, the last slice ending at the latency, each resource class busy in
/// the trace for exactly the cycles the engine reports, flows paired, buffer counters never negative.
/// </summary>
public sealed class ChromeTraceFormatTests
{
    [Fact]
    public void Should_Follow_The_Trace_Event_Format_For_The_Default_Model()
    {
        // Given the default model compiled for the default spec
        var spec = HardwareSpecLoader.Load(RepoPaths.Require(RepoPaths.Repo(Path.Combine("hwspecs", "default.yaml"))), []);
        var model = OnnxFrontend.Load(RepoPaths.Require(RepoPaths.Repo(Path.Combine("onnx-models", "fmnist-cnn.onnx"))));
        var program = ProgramCompiler.Compile(CrossbarMapper.Map(model.Graph, spec));

        // When one image is traced
        var (timing, events) = Trace(program, 1);

        // Then it has the format's fields and agrees with the engine
        CheckAgainstEngine(timing, events, 1);
        var tracks = events.Where(e => e.Ph == "M" && e.Name == "thread_name").Select(e => e.Args.GetProperty("name").GetString()).ToList();
        Assert.Contains(tracks, t => t!.Contains("array + ADC group", StringComparison.Ordinal));
        Assert.Contains(tracks, t => t!.Contains("input buffer port", StringComparison.Ordinal));
        Assert.Contains(tracks, t => t!.StartsWith("stage 1: ", StringComparison.Ordinal));
        Assert.DoesNotContain(tracks, t => t!.Contains("overlap", StringComparison.Ordinal) && !t.Contains("latency", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("layer_pipelined")]
    [InlineData("layer_by_layer")]
    public void Should_Place_Each_Image_One_Interval_After_The_Last(string mode)
    {
        // Given the hand-computed two-layer pipeline on a mesh (its one global bus is shared by both stages)
        var program = TimingTestModels.Compile(TimingTestModels.TwoLayerConv(),
            TimingTestModels.Tiny("cell.read_pulse_ns=2", "readout.input_bits=2", $"pipeline.mode={mode}"));

        // When three images are traced
        var (timing, events) = Trace(program, 3);

        // Then every image is the first one shifted by the interval (pipelined) or the latency (layer by layer)
        CheckAgainstEngine(timing, events, 3);
        var period = mode == "layer_pipelined" ? timing.IntervalCycles : timing.LatencyCycles;
        var stages = events.Where(e => e.Ph == "X" && e.Cat == "stage").Select(e => (e.Name, e.Start, e.Cycles)).ToList();
        var conv0 = timing.Stages[0].Cycles;
        Assert.Equal([("image 0", conv0), ("image 1", period + conv0), ("image 2", 2 * period + conv0)],
            stages.Skip(3).Select(s => (s.Name, s.Start)));
    }

    [Fact]
    public void Should_Show_Each_Read_And_Convert_With_The_Row_Groups_Of_Its_Block()
    {
        // Given the hand-computed two-layer pipeline on 16-row subarrays (8 weight rows) read 8 rows at a time, groups of
        // 4 weight rows: conv0's block of 4 rows is one group, conv1's blocks of 8 rows are two each
        var program = TimingTestModels.Compile(TimingTestModels.TwoLayerConv(), TimingTestModels.Tiny("cell.read_pulse_ns=2", "subarray.parallel_rows=8"));

        // When one image is traced
        var (timing, events) = Trace(program, 1);

        // Then a read holds its subarray for g pulses of 1 cycle and a convert for g passes of its mux steps of 1 cycle:
        // conv0 16 columns on 4 ADCs (4 steps) once, conv1 8 columns (2 steps) twice
        CheckAgainstEngine(timing, events, 1);
        var slices = events.Where(e => e.Ph == "X" && e.Cat != "latency" && e.Name is "read" or "convert")
            .Select(e => (Layer: e.Args.GetProperty("layer").GetString(), e.Name, Groups: e.Args.GetProperty("row_groups").GetInt32(), e.Cycles))
            .Distinct().OrderBy(x => x.Layer, StringComparer.Ordinal).ThenBy(x => x.Name, StringComparer.Ordinal).ToList();
        Assert.Equal([("conv0", "convert", 1, 4L), ("conv0", "read", 1, 1L), ("conv1", "convert", 2, 4L), ("conv1", "read", 2, 2L)], slices);
    }

    private static (TimingResult, List<Event>) Trace(MappedProgram program, int images)
    {
        var trace = new TimingTrace();
        var timing = TimingEngine.Run(program, trace);
        using var stream = new MemoryStream();
        ChromeTraceWriter.Write(stream, program, timing, trace, images);
        using var document = JsonDocument.Parse(stream.ToArray());
        Assert.Equal(images, document.RootElement.GetProperty("otherData").GetProperty("images").GetInt32());
        var events = document.RootElement.GetProperty("traceEvents").EnumerateArray().Select(Event.Of).ToList();
        return (timing, events);
    }

    private static void CheckAgainstEngine(TimingResult timing, List<Event> events, int images)
    {
        Assert.All(events, e => Assert.Contains(e.Ph, new[] { "M", "X", "s", "f", "C" }));
        var slices = events.Where(e => e.Ph == "X").ToList();
        Assert.All(slices, e => Assert.True(e.Cycles > 0 && e.Ts >= 0 && e.Args.TryGetProperty("layer", out _)));
        var busy = slices.Where(e => e.Cat is not ("latency" or "stage")).ToList();
        Assert.All(busy, e => Assert.True(e.Args.TryGetProperty("pixel", out _) && e.Args.TryGetProperty("copy", out _) && e.Args.TryGetProperty("op", out _)));

        // Slices on one track never overlap.
        foreach (var track in slices.GroupBy(e => (e.Pid, e.Tid)))
        {
            var ordered = track.OrderBy(e => e.Start).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.True(ordered[i].Start >= ordered[i - 1].Start + ordered[i - 1].Cycles, $"overlap on {track.Key}: {ordered[i - 1].Name} and {ordered[i].Name} at {ordered[i].Start}");
            }
        }

        // The last slice ends at the engine's latency (of the last image).
        var period = timing.Mode == PipelineMode.LayerPipelined ? timing.IntervalCycles : timing.LatencyCycles;
        Assert.Equal((images - 1) * period + timing.LatencyCycles, slices.Max(e => e.Start + e.Cycles));

        // Per resource class, the busy slices add up to the engine's load on it.
        var load = busy.GroupBy(e => e.Cat ?? "").ToDictionary(g => g.Key, g => g.Sum(e => e.Cycles));
        Assert.Equal(timing.Resources.ToDictionary(r => r.Class.ToString(), r => r.BusyCycles * images), load);

        // Flows come in pairs; buffer counters never go below zero and end empty.
        var flows = events.Where(e => e.Ph is "s" or "f").GroupBy(e => e.Id).ToList();
        Assert.NotEmpty(flows);
        Assert.All(flows, f => Assert.Equal(["f", "s"], f.Select(e => e.Ph).Order(StringComparer.Ordinal)));
        var counters = events.Where(e => e.Ph == "C").GroupBy(e => (e.Pid, e.Name)).ToList();
        Assert.NotEmpty(counters);
        Assert.All(counters, c => Assert.True(c.All(e => e.Args.GetProperty("words").GetInt64() >= 0) && c.Last().Args.GetProperty("words").GetInt64() == 0));
    }

    /// <summary>The fields of one trace event the tests read (cycles from the args, which carry them exactly).</summary>
    private sealed record Event(string Ph, string Name, string? Cat, int Pid, int Tid, double Ts, long Start, long Cycles, long Id, JsonElement Args)
    {
        public static Event Of(JsonElement e)
        {
            var args = e.TryGetProperty("args", out var a) ? a.Clone() : default;
            var cycles = args.ValueKind == JsonValueKind.Object && args.TryGetProperty("cycles", out var c) ? c.GetInt64() : 0;
            var start = args.ValueKind == JsonValueKind.Object && args.TryGetProperty("start_cycle", out var s) ? s.GetInt64() : 0;
            return new Event(
                e.GetProperty("ph").GetString()!, e.GetProperty("name").GetString()!, e.TryGetProperty("cat", out var cat) ? cat.GetString() : null,
                e.GetProperty("pid").GetInt32(), e.TryGetProperty("tid", out var t) ? t.GetInt32() : 0, e.TryGetProperty("ts", out var ts) ? ts.GetDouble() : 0, start, cycles,
                e.TryGetProperty("id", out var id) ? id.GetInt64() : 0, args);
        }
    }
}
