namespace BnnCompiler.Circuits.Activity;

/// <summary>
/// The table of every (component, action) the chip counts, in report order. Whoever executes an action counts it
/// against its row (<see cref="ActionTable"/>): in a simulated run the row's <see cref="ChipAction.CountedBy"/> (the
/// functional simulator for data-dependent actions, the timing engine for the program's structural actions), in a
/// data-free run <see cref="AnalyticalActivity"/>; the cost model prices each row with its energy per action. A new
/// component with one action is one row here plus its circuit model (docs/cost-model.md, "Adding a component").
/// </summary>
public static class ChipActions
{
    public static ChipAction SubarrayRead { get; } = Row(0, "subarray", "read", Bucket.Crossbar, _ => 0, "one read pulse of one subarray with one input-bit vector", ActionCounter.TimingEngine);
    public static ChipAction RowDrive { get; } = Row(1, "row_driver", "drive", Bucket.Crossbar, c => c.RowDriver.EnergyPerActionPj, "one word line driven to the read voltage", ActionCounter.Simulator);
    public static ChipAction CellReadOn { get; } = Row(2, "cell", "read_on", Bucket.Crossbar, c => c.CellOnEnergyPj, "a conducting cell on a driven row and a used column", ActionCounter.Simulator);
    public static ChipAction CellReadOff { get; } = Row(3, "cell", "read_off", Bucket.Crossbar, c => c.CellOffEnergyPj, "a non-conducting cell on a driven row and a used column", ActionCounter.Simulator);
    public static ChipAction BitLineSense { get; } = Row(4, "bit_line", "sense", Bucket.Crossbar, c => c.BitLineEnergyPj, "one bit line charged for one conversion", ActionCounter.TimingEngine);
    public static ChipAction AdcConvert { get; } = Row(5, "adc", "convert", Bucket.Adc, c => c.Adc.EnergyPerActionPj, "one conversion of one column", ActionCounter.TimingEngine);
    public static ChipAction MuxSelect { get; } = Row(6, "column_mux", "select", Bucket.Adc, c => c.Mux.EnergyPerActionPj, "one column routed to its ADC", ActionCounter.TimingEngine);
    public static ChipAction ShiftAdd { get; } = Row(7, "shift_add", "add", Bucket.Accumulation, c => c.ShiftAdd.EnergyPerActionPj, "one bit plane's conversion folded into its accumulator", ActionCounter.TimingEngine);
    public static ChipAction PeAdd { get; } = Row(8, "pe_adder", "add", Bucket.Accumulation, c => c.PeAdder.EnergyPerActionPj, "one two-input addition in a PE adder tree", ActionCounter.TimingEngine);
    public static ChipAction TileAdd { get; } = Row(9, "tile_adder", "add", Bucket.Accumulation, c => c.TileAdder.EnergyPerActionPj, "one two-input addition in a tile adder tree", ActionCounter.TimingEngine);
    public static ChipAction ChipAdd { get; } = Row(10, "chip_adder", "add", Bucket.Accumulation, c => c.ChipAdder.EnergyPerActionPj, "one two-input addition in the chip's accumulation", ActionCounter.TimingEngine);
    public static ChipAction Threshold { get; } = Row(11, "threshold_unit", "compare", Bucket.Other, c => c.Threshold.EnergyPerActionPj, "one activation step (threshold, sign, relu)", ActionCounter.Analytical);
    public static ChipAction ResidualAdd { get; } = Row(12, "threshold_unit", "residual_add", Bucket.Other, c => c.Threshold.EnergyPerActionPj, "one element-wise addition of a shortcut branch", ActionCounter.TimingEngine);
    public static ChipAction Pool { get; } = Row(13, "pooling_unit", "pool", Bucket.Other, c => c.Pooling.EnergyPerActionPj, "one pooling step (a window of w values counts w - 1)", ActionCounter.Analytical);
    public static ChipAction GlobalBufferRead { get; } = Row(14, "global_buffer", "read_bit", Bucket.Buffer, c => c.GlobalBufferBit.EnergyPerActionPj, "one bit read from the global buffer", ActionCounter.TimingEngine);
    public static ChipAction GlobalBufferWrite { get; } = Row(15, "global_buffer", "write_bit", Bucket.Buffer, c => c.GlobalBufferWritePj, "one bit written to the global buffer", ActionCounter.Analytical);
    public static ChipAction TileBufferRead { get; } = Row(16, "tile_buffer", "read_bit", Bucket.Buffer, c => c.TileBufferBit.EnergyPerActionPj, "one bit read from a tile buffer", ActionCounter.Analytical);
    public static ChipAction TileBufferWrite { get; } = Row(17, "tile_buffer", "write_bit", Bucket.Buffer, c => c.TileBufferWritePj, "one bit written to a tile buffer", ActionCounter.Analytical);
    public static ChipAction PeBufferRead { get; } = Row(18, "pe_buffer", "read_bit", Bucket.Buffer, c => c.PeBufferBit.EnergyPerActionPj, "one bit read from a PE buffer", ActionCounter.Analytical);
    public static ChipAction PeBufferWrite { get; } = Row(19, "pe_buffer", "write_bit", Bucket.Buffer, c => c.PeBufferWritePj, "one bit written to a PE buffer", ActionCounter.Analytical);
    public static ChipAction GlobalLinkDown { get; } = Row(20, "global_interconnect", "down_bit", Bucket.Interconnect, c => c.WirePjPerBitMm * c.GlobalPathMm, "one bit from the global buffer to a tile", ActionCounter.TimingEngine);
    public static ChipAction GlobalLinkUp { get; } = Row(21, "global_interconnect", "up_bit", Bucket.Interconnect, c => c.WirePjPerBitMm * c.GlobalPathMm, "one bit from a tile to the global buffer", ActionCounter.Analytical);
    public static ChipAction TileLinkDown { get; } = Row(22, "tile_interconnect", "down_bit", Bucket.Interconnect, c => c.WirePjPerBitMm * c.TileMulticastMm, "one bit from a tile's input buffer to the PEs of a PE row", ActionCounter.TimingEngine);
    public static ChipAction TileLinkUp { get; } = Row(23, "tile_interconnect", "up_bit", Bucket.Interconnect, c => c.WirePjPerBitMm * c.TilePathMm, "one bit from a PE to its tile's root", ActionCounter.Analytical);

    /// <summary>Every row, by <see cref="ChipAction.Index"/>.</summary>
    public static IReadOnlyList<ChipAction> All { get; } =
    [
        SubarrayRead, RowDrive, CellReadOn, CellReadOff, BitLineSense, AdcConvert, MuxSelect, ShiftAdd, PeAdd, TileAdd, ChipAdd,
        Threshold, ResidualAdd, Pool, GlobalBufferRead, GlobalBufferWrite, TileBufferRead, TileBufferWrite, PeBufferRead,
        PeBufferWrite, GlobalLinkDown, GlobalLinkUp, TileLinkDown, TileLinkUp,
    ];

    private static ChipAction Row(int index, string component, string action, Bucket bucket, Func<ChipCircuits, double> energyPj, string description, ActionCounter countedBy) =>
        new(component, action, bucket, energyPj, description) { Index = index, CountedBy = countedBy };
}
