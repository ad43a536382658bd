using BnnCompiler.Hardware;

namespace BnnCompiler.Mapping;

/// <summary>
/// The order the mapped layers run in (topological) and their crossbar loads. Layer-pipelined: all stages
/// run at once on their own tiles and a new image can enter every <see cref="SlowestStageCycles"/>;
/// layer-by-layer: one stage at a time, <see cref="TotalStageCycles"/> per image. Counts only crossbar
/// sensing; buffers, interconnect and digital operations are the simulator's and cost model's to add.
/// </summary>
public sealed record ChipSchedule(PipelineMode Mode, IReadOnlyList<ScheduleStage> Stages, int SlowestStage, long SlowestStageCycles, long TotalStageCycles)
{
    /// <summary>Sensing cycles between two images: the slowest stage when pipelined, the sum of the stages otherwise.</summary>
    public long ImageIntervalCycles => Mode == PipelineMode.LayerPipelined ? SlowestStageCycles : TotalStageCycles;
}
