namespace BnnCompiler.Hardware;

public enum ClockMode
{
    /// <summary>The period is the slowest sensing path × sensing_margin, no shorter than min_period_ns.</summary>
    SensingPath,

    /// <summary>The period is clock.period_ns.</summary>
    Fixed,
}
