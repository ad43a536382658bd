using System.Text.Json.Serialization;

namespace BnnCompiler.CostModel.Report;

/// <summary>Area in mm² with its breakdown (the buckets add up to the total).</summary>
public sealed record AreaFigure([property: JsonPropertyName("total")] double Total, [property: JsonPropertyName("breakdown")] Breakdown Breakdown);
