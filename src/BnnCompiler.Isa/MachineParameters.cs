using BnnCompiler.Hardware;

namespace BnnCompiler.Isa;

/// <summary>
/// The resolved chip a program runs on, with every number the timing engine needs to turn an instruction into
/// cycles, so that a program file alone can be timed. Filled by <see cref="Compilation.ProgramCompiler"/> from the mapping's
/// floorplan and the hardware spec; docs/timing.md gives each duration formula.
/// </summary>
public sealed record MachineParameters
{
    /// <summary>The chip's tile grid (all slots).</summary>
    public required GridSpec Tiles { get; init; }

    public required GridSpec PesPerTile { get; init; }

    public required GridSpec SubarraysPerPe { get; init; }

    /// <summary>Physical rows × columns of one subarray.</summary>
    public required GridSpec Subarray { get; init; }

    /// <summary>Weight rows × weight columns one subarray holds.</summary>
    public required GridSpec SubarrayWeights { get; init; }

    public required AdcKind AdcKind { get; init; }

    public required int AdcBits { get; init; }

    /// <summary>Columns sharing one ADC through the column mux.</summary>
    public required int ColumnsPerAdc { get; init; }

    public required int AdcsPerSubarray { get; init; }

    /// <summary>Cycles of one conversion: <see cref="AdcBits"/> for a SAR ADC, 1 for flash and multi-level sense amps.</summary>
    public required int ConversionCycles { get; init; }

    /// <summary>Cycles of one read pulse: ⌈cell.read_pulse_ns / clock period⌉, at least 1.</summary>
    public required int ReadPulseCycles { get; init; }

    /// <summary>Row groups a full subarray is read in, one after the other: subarray rows / parallel rows.</summary>
    public required int RowGroups { get; init; }

    /// <summary>Weight rows driven together in one read: the subarray's weight rows over <see cref="RowGroups"/> (at least one).</summary>
    public int WeightRowsPerRead => Math.Max(1, SubarrayWeights.Rows / RowGroups);

    /// <summary>Reads (row groups) of a row block of <paramref name="blockRows"/> weight rows (<see cref="ReadGroups"/>): a
    /// block shorter than a group is read once.</summary>
    public int ReadGroupsOf(int blockRows) => ReadGroups.Of(blockRows, WeightRowsPerRead);

    /// <summary>Reads per input vector: 2 when the two cells of a weight are read one after the other.</summary>
    public required int ReadsPerInput { get; init; }

    public required InterconnectTopology Interconnect { get; init; }

    /// <summary>
    /// Bits the global interconnect moves per cycle at the global buffer (and the global buffer's port). A mesh gives
    /// every transfer the whole width; a width-conserving H-tree gives each tile slot its share, bus / grid slots.
    /// </summary>
    public required int BusWidthBits { get; init; }

    /// <summary>Bits a tile input buffer's single port moves per cycle, written or read: PE rows per tile × subarray
    /// rows (DNN+NeuroSim V1.3 Tile.cpp, TileBufferPorts.InputBits).</summary>
    public required int TileInputPortBits { get; init; }

    /// <summary>Words a tile output buffer's single port moves per cycle, written or read: one per PE column
    /// (DNN+NeuroSim V1.3 Tile.cpp, TileBufferPorts.OutputWords).</summary>
    public required int TileOutputPortWords { get; init; }

    /// <summary>Parallel adders of one PE or tile adder-tree unit (one tree per ADC).</summary>
    public required int TreeLanes { get; init; }

    /// <summary>Parallel adders of the chip's global accumulation.</summary>
    public required int ChipLanes { get; init; }

    /// <summary>Elements a tile's (or the chip's) threshold / pooling / residual units handle per cycle.</summary>
    public required int DigitalLanes { get; init; }

    /// <summary>Width of a partial sum sent between levels, in bits (the PE adder tree's width).</summary>
    public required int PartialSumBits { get; init; }
}
