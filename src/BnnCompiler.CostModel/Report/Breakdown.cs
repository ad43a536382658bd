using System.Text.Json.Serialization;

namespace BnnCompiler.CostModel.Report;

/// <summary>A quantity split into the report's component buckets; the buckets add up to <see cref="Total"/>.</summary>
public sealed record Breakdown(
    [property: JsonPropertyName("crossbar")] double Crossbar,
    [property: JsonPropertyName("adc")] double Adc,
    [property: JsonPropertyName("accumulation")] double Accumulation,
    [property: JsonPropertyName("interconnect")] double Interconnect,
    [property: JsonPropertyName("buffer")] double Buffer,
    [property: JsonPropertyName("other")] double Other)
{
    [JsonIgnore]
    public double Total => Crossbar + Adc + Accumulation + Interconnect + Buffer + Other;

    /// <summary>The bucket names in report order, with their values.</summary>
    [JsonIgnore]
    public IReadOnlyList<(string Name, double Value)> Items =>
        [("crossbar", Crossbar), ("adc", Adc), ("accumulation", Accumulation), ("interconnect", Interconnect), ("buffer", Buffer), ("other", Other)];

    /// <summary>The largest bucket.</summary>
    [JsonIgnore]
    public string Dominant => Items.MaxBy(i => i.Value).Name;

    public Breakdown Scale(double factor) =>
        new(Crossbar * factor, Adc * factor, Accumulation * factor, Interconnect * factor, Buffer * factor, Other * factor);

    public Breakdown Plus(Breakdown o) =>
        new(Crossbar + o.Crossbar, Adc + o.Adc, Accumulation + o.Accumulation, Interconnect + o.Interconnect, Buffer + o.Buffer, Other + o.Other);

    public static Breakdown Zero { get; } = new(0, 0, 0, 0, 0, 0);
}
