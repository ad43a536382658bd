namespace BnnCompiler.Hardware;

/// <summary>ADC errors, drawn once per ADC (offset, gain) or per conversion (noise).</summary>
public sealed record AdcNonIdealitySpec
{
    public required double OffsetSigmaLsb { get; init; }

    /// <summary>σ of the gain error, relative (0.01 = 1 %).</summary>
    public required double GainErrorSigma { get; init; }

    public required double NoiseSigmaLsb { get; init; }

    public bool IsIdeal => OffsetSigmaLsb == 0 && GainErrorSigma == 0 && NoiseSigmaLsb == 0;
}
