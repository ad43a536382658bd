using BnnCompiler.Circuits.Activity;
using BnnCompiler.Isa;

namespace BnnCompiler.Simulator.Timing;

/// <summary>
/// One stage (mapped layer) of one image: the cycles from its first instruction to its last with all its copies
/// running in parallel (<see cref="Cycles"/>), that time in ns, and the cycles split by component along the critical
/// path (<see cref="Breakdown"/>; its <c>TotalCycles</c> equals <see cref="Cycles"/>), and the load on every resource
/// class it uses (<see cref="Resources"/>, by class), and the actions it executed (<see cref="Actions"/>).
/// </summary>
public sealed record StageTiming(
    int Index,
    string Layer,
    int Copies,
    int MaxPixelsPerCopy,
    long InstructionsExecuted,
    long Cycles,
    double LatencyNs,
    LayerTiming Breakdown,
    ValueList<StageResourceUsage> Resources)
{
    /// <summary>Every (component, action) the stage's instructions performed for one image, as the engine executed them.</summary>
    public ActionTable Actions { get; init; } = ActionTable.Empty;
}
