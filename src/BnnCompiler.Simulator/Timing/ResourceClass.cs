namespace BnnCompiler.Simulator.Timing;

/// <summary>The kinds of hardware the timing engine schedules instructions on (docs/timing.md, "Resources").</summary>
public enum ResourceClass
{
    /// <summary>A mesh's link at the global buffer: bus-width bits a cycle, shared by every tile.</summary>
    GlobalBus,

    /// <summary>A tile's share of a width-conserving H-tree: bus / grid slots bits a cycle, its own.</summary>
    TileLink,

    /// <summary>The global buffer's port for results written by the chip's global accumulation.</summary>
    GlobalBufferPort,

    /// <summary>A tile input buffer's single port (written from the interconnect, read to the PEs).</summary>
    TileInputBuffer,

    /// <summary>A tile output buffer's single port (written with the tile's results, read to the interconnect).</summary>
    TileOutputBuffer,

    /// <summary>A subarray with its ADC group: read pulses and conversions through the column mux.</summary>
    Subarray,

    /// <summary>A subarray's shift-and-add units (one per ADC).</summary>
    ShiftAdd,

    /// <summary>A PE adder tree (per PE and subarray column; one tree per ADC, pipelined).</summary>
    PeAdderTree,

    /// <summary>A tile adder tree (per tile and column unit, pipelined).</summary>
    TileAdderTree,

    /// <summary>The chip's global accumulation (pipelined).</summary>
    ChipAccumulator,

    /// <summary>A tile's threshold, pooling and residual units.</summary>
    TileDigital,

    /// <summary>The chip-level digital units (graph-input operations and operations after chip accumulation).</summary>
    ChipDigital,
}
