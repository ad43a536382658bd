using BnnCompiler.Isa;

namespace BnnCompiler.Simulator.Timing.Trace;

/// <summary>
/// The record of one image's run through the timing engine, instruction by instruction (<see cref="Slices"/>, in
/// execution order) and stage by stage (<see cref="Stages"/>), the stages placed one after the other as the engine
/// adds them up (prologue, stage 0, stage 1, …). Pass one to <see cref="TimingEngine.Run(MappedProgram, TimingTrace?)"/>;
/// without it the engine records nothing. <see cref="ChromeTraceWriter"/> turns it into a Perfetto timeline.
/// </summary>
public sealed class TimingTrace
{
    private readonly List<TraceSlice> _slices = [];
    private readonly List<TraceStage> _stages = [];

    public IReadOnlyList<TraceSlice> Slices => _slices;

    public IReadOnlyList<TraceStage> Stages => _stages;

    internal TraceScope Begin(int stage, string layer, IReadOnlyList<CopyProgram>? copies, long startCycle) =>
        new(this, stage, layer, copies, startCycle, _slices.Count);

    internal void Add(TraceSlice slice) => _slices.Add(slice);

    internal void End(TraceScope scope, long cycles) => _stages.Add(new TraceStage(scope.Stage, scope.Layer, scope.StartCycle, cycles));
}
