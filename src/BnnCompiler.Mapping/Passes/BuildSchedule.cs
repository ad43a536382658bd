using BnnCompiler.Hardware;

namespace BnnCompiler.Mapping.Passes;

/// <summary>
/// Builds the schedule: one stage per mapped layer in topological order, its sensing cycles per image
/// (⌈pixels / copies⌉ · input bits · sensing cycles per input bit of its largest row block: a block shorter than a row
/// group is read in one) and the layer it reads from.
/// <code>
/// before: conv1 (8 copies, 12544 px, 8 bits), s1.b0 (1 copy, 3136 px, 1 bit), ...; 8 sensing cycles per input bit
/// after:  stage 0 conv1 100352 cycles, stage 1 s1.b0 25088 cycles (reads conv1), ...; slowest stage 0
/// </code>
/// </summary>
internal static class BuildSchedule
{
    public static ChipSchedule Run(IReadOnlyList<MatrixLayer> layers, IReadOnlyList<int> copies, DigitalAssignment digital, HardwareSpec spec)
    {
        var stages = layers.Select((l, i) => new ScheduleStage(
                i,
                l.Node.Name,
                copies[i],
                StageCycles(l, copies[i], spec),
                digital.InputLayer[i] is { } from ? layers[from].Node.Name : null))
            .ToList();
        var slowest = stages.Aggregate((best, s) => s.SensingCycles > best.SensingCycles ? s : best);
        return new ChipSchedule(spec.Pipeline.Mode, stages, slowest.Index, slowest.SensingCycles, stages.Sum(s => s.SensingCycles));
    }

    /// <summary>
    /// Sensing cycles a stage of <paramref name="copies"/> copies takes per image: ⌈pixels / copies⌉ · input bits ·
    /// sensing cycles per input bit of its largest row block (its row groups: one for a block shorter than a group).
    /// The schedule's figure, and the one <see cref="BalanceDuplication"/> balances.
    /// </summary>
    public static long StageCycles(MatrixLayer layer, int copies, HardwareSpec spec) =>
        (long)LayerPartition.Ceil(layer.Pixels, copies) * layer.InputBits * spec.SensingCyclesPerInputBitOf(Math.Min(layer.K, spec.WeightRowsPerSubarray));
}
