using System.Text.Json.Serialization;

namespace BnnCompiler.CostModel.Report;

/// <summary>
/// Latency per image in ms: for the chip, the interval between images (the slowest pipeline stage, or all stages
/// layer by layer) and that stage's parts; for a layer, its stage time and parts. Parts add up to the total.
/// </summary>
public sealed record LatencyFigure([property: JsonPropertyName("total")] double Total, [property: JsonPropertyName("breakdown")] Breakdown Breakdown);
