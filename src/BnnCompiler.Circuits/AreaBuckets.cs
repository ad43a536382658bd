namespace BnnCompiler.Circuits;

/// <summary>Chip area split into the report's buckets, in µm²; the buckets partition the chip.</summary>
public sealed record AreaBuckets(double Crossbar, double Adc, double Accumulation, double Interconnect, double Buffer, double Other)
{
    public double Total => Crossbar + Adc + Accumulation + Interconnect + Buffer + Other;
}
