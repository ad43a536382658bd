namespace BnnCompiler.Simulator.Timing.Trace;

/// <summary>A stage of one image in a trace (index −1: the prologue): its layer, first cycle and length in cycles.</summary>
public sealed record TraceStage(int Index, string Layer, long StartCycle, long Cycles);
