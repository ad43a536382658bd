using BnnCompiler.Circuits.Activity;
using BnnCompiler.Hardware;
using BnnCompiler.Mapping;
using BnnCompiler.Simulator.Functional;

namespace BnnCompiler.Simulator;

/// <summary>
/// The (component, action) rows a simulated binary layer executed, from its counters (summed per image and layer by
/// the executors, so the kernels count in bulk) and its mapping's physical geometry:
/// <code>
///   subarray.read         = block reads × column blocks × reads per input
///   row_driver.drive      = rows driven × column blocks × reads per input   (one of a pair's two word lines)
///   cell.read_on          = conducting cells × reads per input
///   cell.read_off         = rows driven × columns × columns per weight × reads per input − cell.read_on
///   adc.convert, bit_line.sense, column_mux.select
///                         = (conversions × columns per weight + block reads × column blocks × reference columns) × reads per input
/// </code>
/// </summary>
public static class SimulatedActions
{
    public static ActionTable Of(LayerCounters counters, LayerMapping layer, WeightMappingSpec weights)
    {
        ArgumentNullException.ThrowIfNull(counters);
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(weights);
        var reads = counters.SubarrayReads * layer.ColumnBlocks;
        var cellReads = counters.RowsDriven * layer.Columns * weights.ColumnsPerWeight * weights.ReadsPerInput;
        var conducting = counters.MatchedCells * weights.ReadsPerInput;
        var conversions = ((counters.Conversions * weights.ColumnsPerWeight) + (reads * weights.ReferenceColumnsPerSubarray)) * weights.ReadsPerInput;
        return ActionTable.Of(
            (ChipActions.SubarrayRead, reads * weights.ReadsPerInput),
            (ChipActions.RowDrive, counters.RowsDriven * layer.ColumnBlocks * weights.ReadsPerInput),
            (ChipActions.CellReadOn, conducting),
            (ChipActions.CellReadOff, cellReads - conducting),
            (ChipActions.BitLineSense, conversions),
            (ChipActions.AdcConvert, conversions),
            (ChipActions.MuxSelect, conversions));
    }
}
