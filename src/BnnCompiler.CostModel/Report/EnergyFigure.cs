using System.Text.Json.Serialization;

namespace BnnCompiler.CostModel.Report;

/// <summary>Energy per image in µJ: dynamic (split into buckets that add up to it) and leakage.</summary>
public sealed record EnergyFigure(
    [property: JsonPropertyName("dynamic")] double Dynamic,
    [property: JsonPropertyName("leakage")] double Leakage,
    [property: JsonPropertyName("breakdown")] Breakdown Breakdown)
{
    [JsonPropertyName("total")]
    public double Total => Dynamic + Leakage;
}
