namespace BnnCompiler.Hardware;

/// <summary>The chip (<c>chip.*</c>).</summary>
public sealed record ChipSpec
{
    /// <summary>Tile grid, or null when the mapper sizes the chip to the model (YAML <c>auto</c>).</summary>
    public required GridSpec? Tiles { get; init; }

    public required BufferSpec GlobalBuffer { get; init; }

    public required InterconnectTopology Interconnect { get; init; }

    /// <summary>Width of the global interconnect in bits (<c>chip.interconnect.bus_width_bits</c>).</summary>
    public required int BusWidthBits { get; init; }

    /// <summary>How the mapper sizes tiles and PEs left <c>auto</c> (<c>chip.floorplan</c>).</summary>
    public FloorplanRule Floorplan { get; init; } = FloorplanRule.NeuroSim;
}
