using BnnCompiler.Hardware;
using BnnCompiler.Isa;
using BnnCompiler.Isa.Repair;
using BnnCompiler.Mapping;
using BnnCompiler.Mapping.Cells;
using BnnCompiler.Mapping.Repair;

namespace BnnCompiler.Simulator.Functional;

/// <summary>
/// Reads, for every stage of a mapped program, the <see cref="ProgrammedLayer"/> the functional model executes:
/// the row blocks and planes as the program's instructions state them (each block cut into its row groups, the rows a
/// read drives together and one conversion reads), and the weights as the mapping programmed
/// them into cells (positive cell On = +1), or as a repair plan the program carries placed them. Inconsistent programs (a row block read with two row counts, blocks
/// that do not cover the layer's rows, a weight whose two cells disagree) are rejected.
/// </summary>
public static class ProgramReader
{
    public static IReadOnlyDictionary<string, ProgrammedLayer> Read(MappedProgram program, ChipMapping mapping)
    {
        var layers = new Dictionary<string, ProgrammedLayer>();
        foreach (var stage in program.Stages)
        {
            var layer = mapping.Layers.FirstOrDefault(l => l.Name == stage.Layer)
                ?? throw new InvalidOperationException($"program stage {stage.Index} names layer '{stage.Layer}', which the mapping does not hold");
            var rowsOfBlock = new SortedDictionary<int, int>();
            foreach (var read in stage.Copies[0].Body.OfType<ReadInstruction>())
            {
                if (rowsOfBlock.TryGetValue(read.RowBlock, out var rows) && rows != read.Rows)
                {
                    throw new InvalidOperationException($"program stage {stage.Index} ({stage.Layer}) reads row block {read.RowBlock} with {rows} and {read.Rows} rows");
                }

                rowsOfBlock[read.RowBlock] = read.Rows;
            }

            var blockRows = rowsOfBlock.Values.ToArray();
            if (rowsOfBlock.Keys.Select((b, i) => b != i).Any(x => x) || blockRows.Sum() != stage.Rows || stage.Rows != layer.Rows)
            {
                throw new InvalidOperationException($"program stage {stage.Index} ({stage.Layer}): row blocks [{string.Join(",", blockRows)}] do not cover its {stage.Rows} rows");
            }

            layers[stage.Layer] = new ProgrammedLayer(stage.Layer, GroupRows(blockRows, program.Machine), stage.InputBits, Weights(layer, program.Repair)) { RowBlocks = blockRows.Length };
        }

        return layers;
    }

    /// <summary>
    /// The rows of each conversion: a row block is read in ⌈rows / group⌉ groups of rows driven together (the
    /// subarray's weight rows over <c>row_groups</c>, at least one; <see cref="ReadGroups"/>), each converted on its own.
    /// </summary>
    private static int[] GroupRows(int[] blockRows, MachineParameters machine) =>
        [.. blockRows.SelectMany(rows => ReadGroups.Rows(rows, machine.WeightRowsPerRead))];

    /// <summary>
    /// The layer's ±1 weights [N, K] decoded from the cell states of copy 0's subarrays: the mapping's cells, or, in a
    /// program carrying a repair plan, the physical cells of each block's placement (geometry cell (r, c) at physical
    /// row RowOf[r] and its column's slot), a negated column's weights negated back (its partial sum is subtracted).
    /// </summary>
    private static sbyte[] Weights(LayerMapping layer, ProgramRepair? repair)
    {
        var (k, n) = (layer.Rows, layer.Columns);
        var signs = new sbyte[n * k];
        var geometry = layer.Geometry;
        foreach (var block in layer.Blocks.Where(b => b.Copy == 0))
        {
            var cells = Cells(layer, block, repair);
            for (var r = 0; r < block.RowCount; r++)
            {
                for (var c = 0; c < block.ColumnCount; c++)
                {
                    var positive = geometry.PositiveCell(r, c);
                    var on = cells.State(positive) == CellState.On;
                    if (geometry.NegativeCell(r, c) is { } negative && (cells.State(negative) == CellState.On) == on)
                    {
                        throw new InvalidOperationException($"layer {layer.Name}: both cells of weight ({block.RowStart + r}, {block.ColumnStart + c}) are {(on ? "on" : "off")}");
                    }

                    signs[((block.ColumnStart + c) * k) + block.RowStart + r] = on != cells.Negated(positive.Column) ? (sbyte)1 : (sbyte)-1;
                }
            }
        }

        return signs;
    }

    /// <summary>A block's cells by geometry position: the mapping's, or the program's placement.</summary>
    private static PlacedCells Cells(LayerMapping layer, SubarrayBlock block, ProgramRepair? repair)
    {
        if (repair is null)
        {
            return new PlacedCells(layer.Cells(block), null, null);
        }

        var placement = repair.Find(layer.Name, block.RowBlock, block.ColumnBlock)
            ?? throw new InvalidOperationException($"the program's repair plan has no placement for block ({block.RowBlock}, {block.ColumnBlock}) of layer {layer.Name}");
        var geometry = layer.Geometry;
        if (placement.RowOf.Count != geometry.Rows || placement.SlotOf.Count != SubarrayRepair.Identity(geometry, 1, 1).WeightSlots
            || placement.Rows < geometry.Rows || placement.Columns < geometry.Columns || placement.Cells.Count != placement.Rows * placement.Columns)
        {
            throw new InvalidOperationException($"the placement of block ({block.RowBlock}, {block.ColumnBlock}) of layer {layer.Name} does not fit its {geometry.Rows} x {geometry.Columns} cell geometry");
        }

        return new PlacedCells(null, placement, placement.Plan(geometry));
    }

    /// <summary>Geometry cells read from the mapping (<paramref name="Mapped"/>) or through a placement's plan.</summary>
    private sealed record PlacedCells(SubarrayCells? Mapped, BlockPlacement? Placement, SubarrayRepair? Plan)
    {
        public CellState State(CellPosition cell)
        {
            if (Mapped is not null)
            {
                return Mapped[cell.Row, cell.Column];
            }

            var p = Plan!.Physical(cell);
            return Placement!.At(p.Row, p.Column);
        }

        public bool Negated(int column) => Plan?.Flipped(column) ?? false;
    }
}
