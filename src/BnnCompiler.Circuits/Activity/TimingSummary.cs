using BnnCompiler.Hardware;

namespace BnnCompiler.Circuits.Activity;

/// <summary>
/// Per-image timing: every layer's stage cycles by component, the clock period and the pipeline mode. Pipelined,
/// a new image enters every <see cref="IntervalCycles"/> (the slowest stage) and one image takes
/// <see cref="FillCycles"/> (all stages); layer by layer, both are the sum of the stages.
/// </summary>
public sealed record TimingSummary(IReadOnlyList<LayerTiming> Layers, double ClockPeriodNs, PipelineMode Mode)
{
    /// <summary>The slowest stage's cycles.</summary>
    public long PipelineCycles => Layers.Count == 0 ? 0 : Layers.Max(l => l.TotalCycles);

    public long FillCycles => Layers.Sum(l => l.TotalCycles);

    /// <summary>Cycles between two images: the slowest stage when pipelined, every stage otherwise.</summary>
    public long IntervalCycles => Mode == PipelineMode.LayerPipelined ? PipelineCycles : FillCycles;

    /// <summary>Where the cycles come from (the analytical stage model or the cycle-level timing engine).</summary>
    public string Source { get; init; } = AnalyticalSource;

    public const string AnalyticalSource = "analytical stage cycles (each stage's components added)";

    /// <summary>The layer whose stage sets the interval.</summary>
    public LayerTiming? Bottleneck => Layers.Count == 0 ? null : Layers.MaxBy(l => l.TotalCycles);
}
