namespace BnnCompiler.Mapping;

/// <summary>
/// One stage of the schedule: a mapped layer, its copies, its crossbar work per image in sensing cycles
/// (<c>⌈output pixels / copies⌉ · input bits · sensing cycles per input bit</c>), and the mapped layer whose
/// tiles deliver its input (they run the digital operations in between), or null when it reads the graph input.
/// </summary>
public sealed record ScheduleStage(int Index, string Layer, int Copies, long SensingCycles, string? ReadsFrom);
