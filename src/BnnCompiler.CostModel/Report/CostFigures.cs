using System.Text.Json.Serialization;

namespace BnnCompiler.CostModel.Report;

/// <summary>The cost of the chip or of one layer: area, latency, energy and the throughput figures derived from them.</summary>
public sealed record CostFigures
{
    /// <summary>The layer's name, or null for the chip.</summary>
    [JsonPropertyName("name")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; init; }

    [JsonPropertyName("area_mm2")]
    public required AreaFigure AreaMm2 { get; init; }

    [JsonPropertyName("latency_ms")]
    public required LatencyFigure LatencyMs { get; init; }

    [JsonPropertyName("energy_uj")]
    public required EnergyFigure EnergyUj { get; init; }

    /// <summary>Tera-operations per second (2 operations per MAC) at the image interval.</summary>
    [JsonPropertyName("tops")]
    public required double Tops { get; init; }

    [JsonPropertyName("tops_per_w")]
    public required double TopsPerW { get; init; }

    [JsonPropertyName("fps")]
    public required double Fps { get; init; }

    [JsonPropertyName("tops_per_mm2")]
    public required double TopsPerMm2 { get; init; }
}
