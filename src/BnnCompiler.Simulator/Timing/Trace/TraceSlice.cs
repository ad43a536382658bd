using BnnCompiler.Isa;

namespace BnnCompiler.Simulator.Timing.Trace;

/// <summary>
/// One instruction as the timing engine executed it for one image: where it came from (stage, layer, copy, output
/// pixel, position in the body), the resource instance it held (null for an instruction without one, e.g.
/// <c>concat</c>), when it started (cycles from the image entering the chip), how long it held the resource
/// (<see cref="OccupancyCycles"/>) and when its result was ready (<see cref="LatencyCycles"/> after the start), and
/// the slices (indices into <see cref="TimingTrace.Slices"/>) whose results it waited for.
/// </summary>
public sealed record TraceSlice(
    int Stage,
    string Layer,
    int Copy,
    int Pixel,
    int Position,
    Instruction Instruction,
    ResourceClass? Resource,
    int Id1,
    int Id2,
    long StartCycle,
    long OccupancyCycles,
    long LatencyCycles,
    IReadOnlyList<int> After)
{
    /// <summary>The row groups a read or convert handled, one after the other (<see cref="BodyReadGroups"/>); 1 for the others.</summary>
    public int RowGroups { get; init; } = 1;

    /// <summary>The cycle the resource is free again.</summary>
    public long BusyEndCycle => StartCycle + OccupancyCycles;

    /// <summary>The cycle the result is ready (at or after <see cref="BusyEndCycle"/>: flight over routers, adder-tree depth).</summary>
    public long EndCycle => StartCycle + LatencyCycles;
}
