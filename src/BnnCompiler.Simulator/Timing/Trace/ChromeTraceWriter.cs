using System.Text.Json;
using BnnCompiler.Isa;
using BnnCompiler.Isa.Text;

namespace BnnCompiler.Simulator.Timing.Trace;

/// <summary>
/// Writes a <see cref="TimingTrace"/> in Chrome's trace event format (JSON object form), which Perfetto
/// (ui.perfetto.dev) and <c>chrome://tracing</c> open: one process per tile (and one for the chip-level resources,
/// one for the stage overview), one track per resource instance (subarray with its ADC group, shift-add, PE and tile
/// adder trees, buffer ports, interconnect link or global bus, digital units), one complete event ("X") per
/// instruction with its layer, copy, pixel, plane and operands as arguments, flow arrows ("s"/"f") from and to every
/// transfer, and counter events ("C") with the words held in each tile buffer. Times are µs of chip time (cycles ×
/// clock period); the arguments carry the exact cycles.
/// </summary>
public static class ChromeTraceWriter
{
    /// <summary>Most images one trace takes (<c>--trace-images</c>).</summary>
    public const int MaxImages = 64;

    public static void Write(Stream stream, MappedProgram program, TimingResult timing, TimingTrace trace, int images)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(timing);
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentOutOfRangeException.ThrowIfLessThan(images, 1);
        var placement = new TracePlacement(trace, timing, images, new TraceTrackNames(program));
        var clockUs = program.ClockPeriodNs / 1000.0;
        using var w = new Utf8JsonWriter(stream);
        w.WriteStartObject();
        w.WriteString("displayTimeUnit", "ns");
        w.WriteStartObject("otherData");
        w.WriteString("model", program.Model);
        w.WriteString("spec", program.Spec);
        w.WriteNumber("clock_ns", program.ClockPeriodNs);
        w.WriteString("pipeline", timing.Mode.ToString());
        w.WriteNumber("images", images);
        w.WriteNumber("latency_cycles", timing.LatencyCycles);
        w.WriteNumber("interval_cycles", timing.IntervalCycles);
        w.WriteEndObject();
        w.WriteStartArray("traceEvents");
        Metadata(w, placement);
        Stages(w, trace, placement, clockUs);
        foreach (var item in placement.Items)
        {
            Slice(w, trace.Slices[item.Slice], item, placement, clockUs);
        }

        Flows(w, trace, placement, clockUs);
        Counters(w, trace, placement, clockUs);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Metadata(Utf8JsonWriter w, TracePlacement placement)
    {
        var processes = placement.Tracks.Select(t => t.Process).Append(TraceTrackNames.PipelineProcess).Append(TraceTrackNames.ChipProcess).Distinct().Order();
        foreach (var pid in processes)
        {
            var name = pid switch
            {
                TraceTrackNames.PipelineProcess => "pipeline: stages per image",
                TraceTrackNames.ChipProcess => "chip: global buffer, bus and accumulation",
                _ => $"tile {pid - TraceTrackNames.FirstTileProcess}",
            };
            Meta(w, "process_name", pid, null, name);
            Meta(w, "process_sort_index", pid, null, pid);
        }

        for (var i = 0; i < placement.Tracks.Count; i++)
        {
            var tid = TracePlacement.FirstThread + i;
            Meta(w, "thread_name", placement.Tracks[i].Process, tid, placement.Tracks[i].Name);
            Meta(w, "thread_sort_index", placement.Tracks[i].Process, tid, i);
        }
    }

    private static void Meta(Utf8JsonWriter w, string name, int pid, int? tid, object value)
    {
        w.WriteStartObject();
        w.WriteString("ph", "M");
        w.WriteString("name", name);
        w.WriteNumber("pid", pid);
        w.WriteNumber("tid", tid ?? 0);
        w.WriteStartObject("args");
        if (value is string s)
        {
            w.WriteString("name", s);
        }
        else
        {
            w.WriteNumber("sort_index", (int)value);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>The overview: one track per stage, one slice per image from the stage's first cycle to its last.</summary>
    private static void Stages(Utf8JsonWriter w, TimingTrace trace, TracePlacement placement, double clockUs)
    {
        foreach (var (stage, row) in trace.Stages.Where(s => s.Cycles > 0).Select((s, i) => (s, i)))
        {
            var tid = row + 1;
            Meta(w, "thread_name", TraceTrackNames.PipelineProcess, tid, stage.Index < 0 ? "prologue" : $"stage {stage.Index}: {stage.Layer}");
            Meta(w, "thread_sort_index", TraceTrackNames.PipelineProcess, tid, row);
            for (var image = 0; image < placement.ImageStartCycles.Length; image++)
            {
                var start = placement.ImageStartCycles[image] + stage.StartCycle;
                Complete(w, $"image {image}", "stage", TraceTrackNames.PipelineProcess, tid, start, stage.Cycles, clockUs);
                w.WriteStartObject("args");
                w.WriteString("layer", stage.Layer);
                w.WriteNumber("image", image);
                w.WriteNumber("start_cycle", start);
                w.WriteNumber("cycles", stage.Cycles);
                w.WriteEndObject();
                w.WriteEndObject();
            }
        }
    }

    private static void Slice(Utf8JsonWriter w, TraceSlice s, TracePlacement.Item item, TracePlacement placement, double clockUs)
    {
        var track = placement.Tracks[item.Track];
        var name = item.Tail ? s.Instruction.Mnemonic + " (latency)" : s.Instruction.Mnemonic;
        Complete(w, name, item.Tail ? "latency" : s.Resource!.Value.ToString(), track.Process, TracePlacement.FirstThread + item.Track,
            item.StartCycle, item.EndCycle - item.StartCycle, clockUs);
        w.WriteStartObject("args");
        w.WriteString("layer", s.Layer);
        w.WriteNumber("stage", s.Stage);
        w.WriteNumber("copy", s.Copy);
        w.WriteNumber("pixel", s.Pixel);
        if (Plane(s.Instruction) is { } plane)
        {
            w.WriteNumber("plane", plane);
        }

        if (s.Instruction is ReadInstruction or ConvertInstruction)
        {
            w.WriteNumber("row_groups", s.RowGroups);
        }

        w.WriteNumber("image", item.Image);
        w.WriteNumber("position", s.Position);
        w.WriteString("op", ProgramWriter.Format(s.Instruction));
        w.WriteNumber("start_cycle", item.StartCycle);
        w.WriteNumber("cycles", item.EndCycle - item.StartCycle);
        if (!item.Tail)
        {
            w.WriteNumber("latency_cycles", s.LatencyCycles);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Starts an "X" event (the caller adds args and closes it).</summary>
    private static void Complete(Utf8JsonWriter w, string name, string category, int pid, int tid, long startCycle, long cycles, double clockUs)
    {
        w.WriteStartObject();
        w.WriteString("ph", "X");
        w.WriteString("name", name);
        w.WriteString("cat", category);
        w.WriteNumber("pid", pid);
        w.WriteNumber("tid", tid);
        w.WriteNumber("ts", startCycle * clockUs);
        w.WriteNumber("dur", cycles * clockUs);
    }

    private static int? Plane(Instruction instruction) => instruction switch
    {
        ReadInstruction r => r.Plane,
        ConvertInstruction c => c.Plane,
        ShiftAddInstruction s => s.Plane,
        _ => null,
    };

    /// <summary>An arrow from each instruction to the transfer that waits for it, and from each transfer to the
    /// instructions that wait for it.</summary>
    private static void Flows(Utf8JsonWriter w, TimingTrace trace, TracePlacement placement, double clockUs)
    {
        var id = 0;
        for (var image = 0; image < placement.ImageStartCycles.Length; image++)
        {
            var tracks = placement.BusyTrack[image];
            for (var to = 0; to < trace.Slices.Count; to++)
            {
                var target = trace.Slices[to];
                foreach (var from in target.After)
                {
                    if (tracks[from] < 0 || tracks[to] < 0 || !(TracePlacement.IsTransfer(target) || TracePlacement.IsTransfer(trace.Slices[from])))
                    {
                        continue;
                    }

                    id++;
                    var offset = placement.ImageStartCycles[image];
                    Flow(w, "s", id, placement, tracks[from], offset + trace.Slices[from].StartCycle, clockUs);
                    Flow(w, "f", id, placement, tracks[to], offset + target.StartCycle, clockUs);
                }
            }
        }
    }

    private static void Flow(Utf8JsonWriter w, string phase, int id, TracePlacement placement, int track, long cycle, double clockUs)
    {
        w.WriteStartObject();
        w.WriteString("ph", phase);
        w.WriteString("name", "data");
        w.WriteString("cat", "transfer");
        w.WriteNumber("id", id);
        w.WriteNumber("pid", placement.Tracks[track].Process);
        w.WriteNumber("tid", TracePlacement.FirstThread + track);
        w.WriteNumber("ts", cycle * clockUs);
        if (phase == "f")
        {
            w.WriteString("bp", "e");
        }

        w.WriteEndObject();
    }

    /// <summary>Words held in each tile buffer: a write adds its words when it ends, a read removes them when it ends.</summary>
    private static void Counters(Utf8JsonWriter w, TimingTrace trace, TracePlacement placement, double clockUs)
    {
        var steps = new List<(int Pid, string Name, long Cycle, long Words)>();
        foreach (var start in placement.ImageStartCycles)
        {
            foreach (var s in trace.Slices)
            {
                var (tile, buffer, words) = s.Instruction switch
                {
                    BufferWriteInstruction b => (b.Tile, b.Buffer, b.Words),
                    BufferReadInstruction b => (b.Tile, b.Buffer, -b.Words),
                    _ => (0, TileBuffer.Input, 0L),
                };
                if (words != 0)
                {
                    steps.Add((TraceTrackNames.Tile(tile), buffer == TileBuffer.Input ? "input buffer (words)" : "output buffer (words)", start + s.BusyEndCycle, words));
                }
            }
        }

        foreach (var counter in steps.GroupBy(x => (x.Pid, x.Name)))
        {
            long held = 0;
            foreach (var at in counter.GroupBy(x => x.Cycle).OrderBy(g => g.Key))
            {
                held += at.Sum(x => x.Words);
                w.WriteStartObject();
                w.WriteString("ph", "C");
                w.WriteString("name", counter.Key.Name);
                w.WriteNumber("pid", counter.Key.Pid);
                w.WriteNumber("ts", at.Key * clockUs);
                w.WriteStartObject("args");
                w.WriteNumber("words", held);
                w.WriteEndObject();
                w.WriteEndObject();
            }
        }
    }
}
