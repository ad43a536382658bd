using BnnCompiler.Hardware;
using BnnCompiler.Isa;
using BnnCompiler.Isa.Repair;
using BnnCompiler.Mapping;
using BnnCompiler.Mapping.Repair;
using BnnCompiler.Simulator.Analog;

namespace BnnCompiler.Simulator;

/// <summary>
/// The repair plan a simulated chip applies, as the program carries it (<see cref="ProgramRepair"/>): per first-copy
/// block of every crossbar layer, the placement its analog layer built (row permutation, column slots, negated columns,
/// the spare subarray it moved onto), the cells as programmed there (the mapping's cells placed and flipped), the
/// weight errors, and the calibrated trim words of each row group; the blocks of the other copies are planned around
/// their own stuck cells (<see cref="OtherCopy"/>).
/// <code>
///   before: FunctionalSimulator (trial 0: its layers' plans, spares and calibrated references) + ChipMapping
///   after:  ProgramRepair, block by block: fc1 (0, 0) on tile 3, PE 0, subarray 0, rows [5, 1, …], slots [2, 0, …], negated [17], cells, trims
/// </code>
/// A layer the simulator runs on ideal devices (no stuck cells to place around) keeps the naive mapping.
/// </summary>
public static class RepairPlanExport
{
    /// <summary>
    /// The plan of <paramref name="simulator"/>'s chip (built with <paramref name="setup"/>), named by
    /// <paramref name="defects"/> (the defect map's file name, or <see cref="ProgramRepair.Drawn"/>).
    /// </summary>
    public static ProgramRepair Export(FunctionalSimulator simulator, ChipMapping mapping, ChipSetup setup, string defects)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(setup);
        var spec = mapping.Spec;
        var subarraysPerPe = mapping.Floorplan.SubarraysPerPe.Count;
        var blocks = new List<BlockPlacement>();
        foreach (var layer in mapping.Layers)
        {
            var analog = simulator.Layers.GetValueOrDefault(layer.Name)?.Executor as AnalogCrossbarLayer;
            foreach (var block in layer.Blocks)
            {
                var placed = block.Copy > 0 ? OtherCopy(spec, layer, block, setup, simulator.Trial)
                    : analog?.Cells.Placements.First(p => p.RowBlock == block.RowBlock && p.ColumnBlock == block.ColumnBlock)
                    ?? new PlacedBlock(block.RowBlock, block.ColumnBlock, SubarrayRepair.Identity(layer.Geometry, spec.Subarray.PhysicalRows, spec.Subarray.PhysicalColumns), null, RepairCounts.Zero);
                var plan = placed.Plan;
                var home = block.Address;
                blocks.Add(new BlockPlacement
                {
                    Layer = layer.Name,
                    Copy = block.Copy,
                    RowBlock = block.RowBlock,
                    ColumnBlock = block.ColumnBlock,
                    Tile = placed.Spare?.Tile ?? home.Tile,
                    Pe = placed.Spare?.Pe ?? home.Pe,
                    Subarray = placed.Spare is { } spare ? subarraysPerPe + spare.Index : home.Subarray,
                    MovedFrom = placed.Spare is null ? null : home.Subarray,
                    Rows = plan.PhysicalRows,
                    Columns = plan.PhysicalColumns,
                    StuckCells = placed.Counts.StuckCells,
                    NaiveErrors = placed.Counts.NaiveErrors,
                    Errors = placed.Counts.RepairedErrors,
                    RowOf = plan.RowOf.ToValueList(),
                    SlotOf = plan.SlotOf.ToValueList(),
                    Negated = Enumerable.Range(0, plan.Flip.Length).Where(c => plan.Flip[c]).ToValueList(),
                    Cells = plan.Place(layer.Cells(block).States).ToValueList(),
                    Trims = analog is null || block.Copy > 0 ? ValueList<RowGroupTrim>.Empty : Trims(analog, block),
                });
            }
        }

        return new ProgramRepair(spec.Repair.Mode, spec.NonIdealities.Seed, simulator.Trial, defects, blocks.ToValueList());
    }

    /// <summary>
    /// A block of a later copy, which the simulator does not read (it runs every copy on the first copy's cells): planned
    /// as the layer plans its blocks, around that copy's own stuck cells (the defect map's, or drawn from the copy's
    /// stream as <c>bnnc defects generate</c> draws them), with the spare rows and columns of a spares mode; not moved onto
    /// a spare subarray, not calibrated.
    /// </summary>
    private static PlacedBlock OtherCopy(HardwareSpec spec, LayerMapping layer, SubarrayBlock block, ChipSetup setup, int trial)
    {
        var (rows, columns) = (spec.Subarray.PhysicalRows, spec.Subarray.PhysicalColumns);
        var stuck = setup.Defects?.ForCopy(layer.Name, block.Copy, block.RowBlock, block.ColumnBlock)
            ?? CellDraws.Draw(AnalogStreams.CopyCells(spec.NonIdealities.Seed, trial, layer.Name, block.Copy, block.RowBlock, block.ColumnBlock), rows * columns)
                .Defects(AnalogDeviceModels.From(spec).StuckAt, rows, columns);
        var (plan, counts) = RepairPlanner.PlanBlock(spec, layer.Geometry, layer.Cells(block).States, stuck, spec.Repair.UsesSpares);
        return new PlacedBlock(block.RowBlock, block.ColumnBlock, plan, null, counts);
    }

    /// <summary>The calibrated words of the block's row groups (its reads of <see cref="AnalogLayerWeights.RowsPerBlock"/> rows), per column.</summary>
    private static ValueList<RowGroupTrim> Trims(AnalogCrossbarLayer layer, SubarrayBlock block)
    {
        var readout = layer.Readout;
        if (readout.GainWords is not { } gain || readout.OffsetWords is not { } offset)
        {
            return ValueList<RowGroupTrim>.Empty;
        }

        var rows = layer.Cells.RowsPerBlock;
        var n = layer.Cells.Columns;
        var groups = (block.RowCount + rows - 1) / rows;
        return Enumerable.Range(0, groups).Select(g =>
        {
            var first = (((block.RowStart / rows) + g) * n) + block.ColumnStart;
            return new RowGroupTrim(g, gain.AsSpan(first, block.ColumnCount).ToArray().ToValueList(), offset.AsSpan(first, block.ColumnCount).ToArray().ToValueList());
        }).ToValueList();
    }
}
