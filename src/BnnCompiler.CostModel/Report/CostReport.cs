using System.Text.Json.Serialization;

namespace BnnCompiler.CostModel.Report;

/// <summary>The priced model: chip figures, per-layer figures and the bottlenecks.</summary>
public sealed record CostReport
{
    [JsonPropertyName("model")]
    public required string Model { get; init; }

    [JsonPropertyName("spec")]
    public required string Spec { get; init; }

    [JsonPropertyName("technology_nm")]
    public required int TechnologyNm { get; init; }

    [JsonPropertyName("adc_bits")]
    public required int AdcBits { get; init; }

    [JsonPropertyName("clock_period_ns")]
    public required double ClockPeriodNs { get; init; }

    [JsonPropertyName("counts")]
    public required string CountsSource { get; init; }

    [JsonPropertyName("timing")]
    public required string TimingSource { get; init; }

    [JsonPropertyName("images")]
    public required long Images { get; init; }

    [JsonPropertyName("cost")]
    public required CostFigures Cost { get; init; }

    [JsonPropertyName("layers")]
    public required IReadOnlyList<CostFigures> Layers { get; init; }

    [JsonPropertyName("bottleneck")]
    public required Bottleneck Bottleneck { get; init; }
}
