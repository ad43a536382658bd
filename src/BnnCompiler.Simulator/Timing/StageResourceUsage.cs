namespace BnnCompiler.Simulator.Timing;

/// <summary>
/// How busy one class of resources is in one stage for one image: the instances the stage uses, their summed busy
/// cycles, and the busy cycles of the busiest instance (for a tile buffer port or a tile's link, the tile that sets the
/// stage's pace when that class is the bottleneck; the analytical timing's per-tile buffer and link cycles).
/// </summary>
public sealed record StageResourceUsage(ResourceClass Class, int Instances, long BusyCycles, long BusiestInstanceCycles);
