using BnnCompiler.Circuits.Activity;
using BnnCompiler.Hardware;

namespace BnnCompiler.Simulator.Timing;

/// <summary>
/// The timing of one image on the chip (docs/timing.md): per-stage cycles, the image interval (pipelined: the slowest
/// stage, the prologue counted with stage 0; layer by layer: the sum) and latency (the prologue and every stage one
/// after the other), their ns at the clock period, images/s, and the utilisation of every resource class.
/// </summary>
public sealed record TimingResult
{
    public required string Model { get; init; }

    public required double ClockPeriodNs { get; init; }

    public required PipelineMode Mode { get; init; }

    /// <summary>Cycles of the chip-level operations on the graph input, before stage 0.</summary>
    public required long PrologueCycles { get; init; }

    public required IReadOnlyList<StageTiming> Stages { get; init; }

    /// <summary>
    /// Busy cycles per image of the most loaded chip-shared resource (a mesh's global bus, global buffer port, global
    /// accumulation, chip digital units), summed over all stages: pipelined, the stages compete for it, so no image
    /// can enter faster than this.
    /// </summary>
    public required long SharedResourceCycles { get; init; }

    /// <summary>Cycles between two images in steady state (pipelined: the slowest stage, or <see cref="SharedResourceCycles"/> when larger).</summary>
    public required long IntervalCycles { get; init; }

    /// <summary>Cycles from an image entering the chip to its last result stored.</summary>
    public required long LatencyCycles { get; init; }

    public required IReadOnlyList<ResourceUsage> Resources { get; init; }

    public double IntervalNs => IntervalCycles * ClockPeriodNs;

    public double LatencyNs => LatencyCycles * ClockPeriodNs;

    /// <summary>Steady-state throughput: 1 / interval.</summary>
    public double ImagesPerSecond => IntervalCycles == 0 ? 0 : 1e9 / IntervalNs;

    /// <summary>
    /// The cost model's view: one <see cref="LayerTiming"/> per stage (the prologue's cycles added to stage 0's), the
    /// clock and the mode, for <c>CostModel.Price(mapping, counts, summary, options)</c>. Its fill equals
    /// <see cref="LatencyCycles"/>; its interval equals <see cref="IntervalCycles"/> unless a chip-shared resource, not a
    /// stage, sets the pace (<see cref="SharedResourceCycles"/> larger than every stage), which the per-layer summary
    /// cannot express.
    /// </summary>
    public TimingSummary ToTimingSummary()
    {
        var layers = Stages.Select(s => s.Breakdown).ToList();
        if (layers.Count > 0 && PrologueBreakdown is { } p)
        {
            var first = layers[0];
            layers[0] = first with
            {
                CrossbarCycles = first.CrossbarCycles + p.CrossbarCycles,
                AdcCycles = first.AdcCycles + p.AdcCycles,
                AccumulationCycles = first.AccumulationCycles + p.AccumulationCycles,
                BufferCycles = first.BufferCycles + p.BufferCycles,
                InterconnectCycles = first.InterconnectCycles + p.InterconnectCycles,
                OtherCycles = first.OtherCycles + p.OtherCycles,
            };
        }

        return new TimingSummary(layers, ClockPeriodNs, Mode) { Source = EngineSource };
    }

    /// <summary>The <see cref="TimingSummary.Source"/> of an engine run.</summary>
    public const string EngineSource = "cycle-level timing engine running the compiled program";

    /// <summary>The prologue's cycles by component (all <c>Other</c> today), or null without a prologue.</summary>
    public LayerTiming? PrologueBreakdown { get; init; }

    /// <summary>The actions of the chip-level operations on the graph input (the prologue), for one image.</summary>
    public ActionTable PrologueActions { get; init; } = ActionTable.Empty;
}
