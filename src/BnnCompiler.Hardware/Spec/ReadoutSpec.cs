namespace BnnCompiler.Hardware;

/// <summary>Read-out and input encoding (<c>readout.*</c>).</summary>
public sealed record ReadoutSpec
{
    public required AdcKind AdcKind { get; init; }

    public required int AdcBits { get; init; }

    /// <summary>Columns that share one ADC through a column mux.</summary>
    public required int ColumnsPerAdc { get; init; }

    /// <summary>Bits of a multi-bit input, fed bit-serially (one read per bit plane).</summary>
    public required int InputBits { get; init; }

    public required InputQuantization InputQuantization { get; init; }

    /// <summary>Lower end of the fixed full-scale range of static quantisation (in input units).</summary>
    public required double InputRangeMin { get; init; }

    /// <summary>Upper end of the fixed full-scale range of static quantisation (in input units).</summary>
    public required double InputRangeMax { get; init; }

    public int AdcLevels => 1 << AdcBits;
}
