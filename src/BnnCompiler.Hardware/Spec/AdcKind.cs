namespace BnnCompiler.Hardware;

public enum AdcKind
{
    /// <summary>Multi-level sense amplifier: a flash ADC of 2^bits − 1 current comparators against reference columns.</summary>
    MultiLevelSenseAmp,

    /// <summary>Successive-approximation ADC: one comparator, one cycle per bit.</summary>
    Sar,

    /// <summary>Voltage-mode flash ADC: 2^bits − 1 comparators in parallel.</summary>
    Flash,
}
