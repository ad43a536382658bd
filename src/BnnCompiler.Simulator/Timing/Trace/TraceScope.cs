using BnnCompiler.Isa;

namespace BnnCompiler.Simulator.Timing.Trace;

/// <summary>
/// The stage a <see cref="StageRunner"/> is running, while it records into a <see cref="TimingTrace"/>: turns the
/// runner's stage-local times and execution indices into the image's (offset by the stage's start).
/// </summary>
internal sealed class TraceScope(TimingTrace trace, int stage, string layer, IReadOnlyList<CopyProgram>? copies, long startCycle, int firstSlice)
{
    public int Stage => stage;

    public string Layer => layer;

    public long StartCycle => startCycle;

    /// <summary>Records the instruction at <paramref name="position"/> of block <paramref name="block"/>'s body, run
    /// for its <paramref name="iteration"/>-th pixel; <paramref name="iterationStart"/> is the runner's execution index
    /// of that iteration's first instruction; <paramref name="readGroups"/> the row groups it handled.</summary>
    public void Add(int block, int iteration, int position, Instruction instruction, InstructionCost cost, int readGroups, long start, int iterationStart)
    {
        var copy = copies is null ? null : copies[block];
        var after = new int[instruction.After.Count];
        for (var i = 0; i < after.Length; i++)
        {
            after[i] = firstSlice + iterationStart + instruction.After[i];
        }

        trace.Add(new TraceSlice(
            stage, layer, copy?.Copy ?? 0, (copy?.FirstPixel ?? 0) + iteration, position, instruction,
            cost.Resource, cost.Id1, cost.Id2, startCycle + start, cost.Occupancy, cost.Latency, after) { RowGroups = readGroups });
    }

    public void End(long cycles) => trace.End(this, cycles);
}
