namespace BnnCompiler.Hardware;

/// <summary>Clocking (<c>clock.*</c>).</summary>
public sealed record ClockSpec
{
    public required ClockMode Mode { get; init; }

    /// <summary>Clock period in ns when <see cref="ClockMode.Fixed"/>; null otherwise.</summary>
    public required double? PeriodNs { get; init; }

    /// <summary>Factor on the slowest sensing path when the clock follows it (NeuroSim: 1.4).</summary>
    public required double SensingMargin { get; init; }

    /// <summary>Shortest period the clock may take, in ns (NeuroSim caps the clock at 1 GHz: 1 ns).</summary>
    public required double MinPeriodNs { get; init; }
}
