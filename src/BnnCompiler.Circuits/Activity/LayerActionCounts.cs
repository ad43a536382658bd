namespace BnnCompiler.Circuits.Activity;

/// <summary>
/// What one layer's hardware did, counted over every image simulated (the simulator's side of the contract;
/// <see cref="AnalyticalActivity"/> fills it from the mapping alone). Counting only: no energy or time here.
/// </summary>
public sealed record LayerActionCounts
{
    /// <summary>The mapped layer's IR node name.</summary>
    public required string Layer { get; init; }

    /// <summary>Read pulses: one per subarray per input-bit vector applied to it (all its columns sensed behind it).</summary>
    public long SubarrayReads { get; init; }

    /// <summary>Word lines driven to the read voltage, summed over reads (the input activity).</summary>
    public long RowsDriven { get; init; }

    /// <summary>Cells on a driven row and a used column, summed over reads.</summary>
    public long CellReads { get; init; }

    /// <summary>Of <see cref="CellReads"/>, cells in the low-resistance (conducting) state.</summary>
    public long ConductingCellReads { get; init; }

    /// <summary>ADC conversions: one per used column per read.</summary>
    public long AdcConversions { get; init; }

    /// <summary>Shift-and-add steps folding an input bit plane's conversion into its accumulator (multi-bit inputs only).</summary>
    public long ShiftAddOperations { get; init; }

    /// <summary>Two-input additions in PE adder trees (partial sums of subarrays of one PE).</summary>
    public long PeAdditions { get; init; }

    /// <summary>Two-input additions in tile adder trees (partial sums of PEs of one tile).</summary>
    public long TileAdditions { get; init; }

    /// <summary>Two-input additions in the chip's global accumulation (partial sums of tiles).</summary>
    public long ChipAdditions { get; init; }

    /// <summary>Threshold comparisons (binarizing activations) and other per-element activation steps.</summary>
    public long ThresholdOperations { get; init; }

    /// <summary>Pooling steps: a window of w values counts w − 1.</summary>
    public long PoolingOperations { get; init; }

    /// <summary>Element-wise additions of residual (shortcut) branches.</summary>
    public long ResidualAdditions { get; init; }

    /// <summary>Bits read from the global buffer (activations sent to the layer's tiles).</summary>
    public long GlobalBufferBitsRead { get; init; }

    /// <summary>Bits written to the global buffer (the layer's results).</summary>
    public long GlobalBufferBitsWritten { get; init; }

    /// <summary>Bits read from the layer's tile input/output buffers.</summary>
    public long TileBufferBitsRead { get; init; }

    public long TileBufferBitsWritten { get; init; }

    /// <summary>Bits read from the layer's PE input/output buffers.</summary>
    public long PeBufferBitsRead { get; init; }

    public long PeBufferBitsWritten { get; init; }

    /// <summary>Bits sent down the global interconnect from the global buffer to the layer's tiles.</summary>
    public long GlobalInterconnectDownBits { get; init; }

    /// <summary>Bits sent up the global interconnect from the layer's tiles to the global buffer.</summary>
    public long GlobalInterconnectUpBits { get; init; }

    /// <summary>Bits sent down the interconnect inside the layer's tiles (tile input buffer to the PEs of a PE row).</summary>
    public long TileInterconnectBits { get; init; }

    /// <summary>Bits sent up the interconnect inside the layer's tiles (PE results to the tile's root).</summary>
    public long TileInterconnectUpBits { get; init; }

    /// <summary>Multiply-accumulates performed (K · N per product, the operation count of TOPS is 2 per MAC).</summary>
    public long Macs { get; init; }

    /// <summary>Counter-wise sum.</summary>
    public LayerActionCounts Plus(LayerActionCounts o) => this with
    {
        SubarrayReads = SubarrayReads + o.SubarrayReads,
        RowsDriven = RowsDriven + o.RowsDriven,
        CellReads = CellReads + o.CellReads,
        ConductingCellReads = ConductingCellReads + o.ConductingCellReads,
        AdcConversions = AdcConversions + o.AdcConversions,
        ShiftAddOperations = ShiftAddOperations + o.ShiftAddOperations,
        PeAdditions = PeAdditions + o.PeAdditions,
        TileAdditions = TileAdditions + o.TileAdditions,
        ChipAdditions = ChipAdditions + o.ChipAdditions,
        ThresholdOperations = ThresholdOperations + o.ThresholdOperations,
        PoolingOperations = PoolingOperations + o.PoolingOperations,
        ResidualAdditions = ResidualAdditions + o.ResidualAdditions,
        GlobalBufferBitsRead = GlobalBufferBitsRead + o.GlobalBufferBitsRead,
        GlobalBufferBitsWritten = GlobalBufferBitsWritten + o.GlobalBufferBitsWritten,
        TileBufferBitsRead = TileBufferBitsRead + o.TileBufferBitsRead,
        TileBufferBitsWritten = TileBufferBitsWritten + o.TileBufferBitsWritten,
        PeBufferBitsRead = PeBufferBitsRead + o.PeBufferBitsRead,
        PeBufferBitsWritten = PeBufferBitsWritten + o.PeBufferBitsWritten,
        GlobalInterconnectDownBits = GlobalInterconnectDownBits + o.GlobalInterconnectDownBits,
        GlobalInterconnectUpBits = GlobalInterconnectUpBits + o.GlobalInterconnectUpBits,
        TileInterconnectBits = TileInterconnectBits + o.TileInterconnectBits,
        TileInterconnectUpBits = TileInterconnectUpBits + o.TileInterconnectUpBits,
        Macs = Macs + o.Macs,
    };
}
