using System.Text.Json.Serialization;

namespace BnnCompiler.CostModel.Report;

/// <summary>The dominant component of area, latency and energy, and the layers that dominate each (largest first).</summary>
public sealed record Bottleneck(
    [property: JsonPropertyName("area_component")] string AreaComponent,
    [property: JsonPropertyName("latency_component")] string LatencyComponent,
    [property: JsonPropertyName("energy_component")] string EnergyComponent,
    [property: JsonPropertyName("area_layers")] IReadOnlyList<string> AreaLayers,
    [property: JsonPropertyName("latency_layers")] IReadOnlyList<string> LatencyLayers,
    [property: JsonPropertyName("energy_layers")] IReadOnlyList<string> EnergyLayers);
