namespace BnnCompiler.Hardware;

/// <summary>Device and circuit non-idealities (<c>non_idealities.*</c>); all zero or off means ideal.</summary>
public sealed record NonIdealitySpec
{
    /// <summary>Seed of every random draw the simulator makes for these effects.</summary>
    public required int Seed { get; init; }

    public required VariationSpec DeviceVariation { get; init; }

    /// <summary>Cycle-to-cycle read noise: σ of the conductance per read, relative to the conductance.</summary>
    public required double ReadNoiseSigma { get; init; }

    /// <summary>When true the off state conducts 1/R_off; when false (ideal) it conducts nothing.</summary>
    public required bool FiniteOnOffRatio { get; init; }

    /// <summary>Fraction of cells stuck at G_on.</summary>
    public required double StuckAtOnRate { get; init; }

    /// <summary>Fraction of cells stuck at G_off.</summary>
    public required double StuckAtOffRate { get; init; }

    public required DriftSpec Drift { get; init; }

    /// <summary>Wire resistance of one cell's segment of word and bit line, in Ω (0 = no IR drop).</summary>
    public required double WireResistanceOhm { get; init; }

    public required AdcNonIdealitySpec Adc { get; init; }

    /// <summary>True when nothing here departs from the ideal device and ADC.</summary>
    public bool IsIdeal =>
        DeviceVariation.Sigma == 0 && ReadNoiseSigma == 0 && !FiniteOnOffRatio && StuckAtOnRate == 0
        && StuckAtOffRate == 0 && !Drift.IsActive && WireResistanceOhm == 0 && Adc.IsIdeal;
}
