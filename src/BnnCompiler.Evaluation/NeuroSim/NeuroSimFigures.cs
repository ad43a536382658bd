namespace BnnCompiler.Evaluation.NeuroSim;

/// <summary>
/// The chip figures NeuroSim V1.3 prints in pipeline mode (its "Summary"): area and its buckets, clock, the pipelined
/// latency per image and its parts (each a maximum over layers, so they do not add up), dynamic energy and its parts,
/// leakage, and per layer the tiles and speed-up of its floorplan.
/// </summary>
public sealed record NeuroSimFigures
{
    public required double ChipAreaMm2 { get; init; }

    public required double ArrayAreaMm2 { get; init; }

    public required double InterconnectAreaMm2 { get; init; }

    public required double AdcAreaMm2 { get; init; }

    public required double AccumulationAreaMm2 { get; init; }

    /// <summary>"Other peripherals": decoders, mux, switch matrices, buffers, pooling and activation units.</summary>
    public required double OtherAreaMm2 { get; init; }

    public required double ClockPeriodNs { get; init; }

    /// <summary>Pipelined latency per image (the slowest layer).</summary>
    public required double LatencyNs { get; init; }

    public required double BufferLatencyNs { get; init; }

    public required double InterconnectLatencyNs { get; init; }

    public required double AdcLatencyNs { get; init; }

    public required double AccumulationLatencyNs { get; init; }

    public required double OtherLatencyNs { get; init; }

    public required double DynamicEnergyPj { get; init; }

    public required double LeakageEnergyPj { get; init; }

    public required double BufferEnergyPj { get; init; }

    public required double InterconnectEnergyPj { get; init; }

    /// <summary>"ADC" energy: sense amplifiers and, inside them, the cell and bit-line read energy.</summary>
    public required double AdcEnergyPj { get; init; }

    public required double AccumulationEnergyPj { get; init; }

    /// <summary>"Other peripherals" energy, buffers and interconnect included.</summary>
    public required double OtherEnergyPj { get; init; }

    public required IReadOnlyList<int> TilesPerLayer { get; init; }

    public required IReadOnlyList<int> SpeedUpPerLayer { get; init; }
}
