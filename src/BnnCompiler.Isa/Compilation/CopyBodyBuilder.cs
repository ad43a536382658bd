using BnnCompiler.Mapping;

namespace BnnCompiler.Isa.Compilation;

/// <summary>
/// Builds the per-pixel body of one copy of a layer, in dependency order (NeuroSim V1.3's data flow, as the cost
/// model's analytical timing: the global buffer sends every tile the slice of each input window it holds, the tile
/// has no line buffer):
/// <list type="number">
/// <item>per tile: transfer down the pixel's window slice (the tile's distinct weight rows × b bits), write it into the
/// tile input buffer, read it out to the tile's PEs;</item>
/// <item>per block and bit plane: read, convert, and (multi-bit inputs, or a block read in more than one row group)
/// shift_add;</item>
/// <item>accumulate: row blocks of a column block inside a PE, then across the PEs of a tile; with chip accumulation
/// each tile writes its partial sums of a column block into its output buffer, reads them out and transfers them up,
/// and the chip adds them;</item>
/// <item>the layer's digital operations on its tiles (or at chip level after chip accumulation); a tile then writes
/// its results into its output buffer, reads them out and stores them (the chip stores through the global buffer
/// port).</item>
/// </list>
/// </summary>
internal sealed class CopyBodyBuilder
{
    private readonly List<Instruction> _body = [];
    private readonly LayerMapping _layer;
    private readonly MachineParameters _machine;
    private readonly IReadOnlyDictionary<int, TilePlacement> _tiles;

    private CopyBodyBuilder(LayerMapping layer, MachineParameters machine, IReadOnlyDictionary<int, TilePlacement> tiles)
    {
        _layer = layer;
        _machine = machine;
        _tiles = tiles;
    }

    public static CopyProgram Build(LayerMapping layer, int copy, MachineParameters machine, IReadOnlyDictionary<int, TilePlacement> tiles)
    {
        var builder = new CopyBodyBuilder(layer, machine, tiles);
        var pixels = layer.CopyPixels(copy);
        var tileIds = layer.TileIds.Skip(copy * layer.TilesPerCopy).Take(layer.TilesPerCopy).ToValueList();
        builder.Emit(copy);
        return new CopyProgram(copy, pixels.Start, pixels.Count, tileIds, builder._body.ToValueList());
    }

    /// <summary>The chip-level operations on the graph input, once per image, on the first layer's input elements.</summary>
    public static ValueList<Instruction> Prologue(ChipMapping mapping)
    {
        var body = new List<Instruction>();
        if (mapping.Layers.Count == 0)
        {
            return body.ToValueList();
        }

        var layout = mapping.Layers[0].Node.Layout;
        var elements = layout.InChannels * layout.InputHeight * layout.InputWidth;
        foreach (var op in mapping.InputOps)
        {
            var after = body.Count == 0 ? ValueList<int>.Empty : ValueList.Of(body.Count - 1);
            if (Digital(op, Instruction.Chip, elements, after) is { } instruction)
            {
                body.Add(instruction);
            }
        }

        return body.ToValueList();
    }

    private int Add(Instruction instruction)
    {
        _body.Add(instruction);
        return _body.Count - 1;
    }

    private void Emit(int copy)
    {
        var l = _layer;
        var b = l.InputBits;
        var blocks = Enumerable.Range(0, l.RowBlocks).SelectMany(i => Enumerable.Range(0, l.ColumnBlocks).Select(j => l.Block(copy, i, j))).ToList();

        // 1. Each tile's window slice: down the interconnect, into the tile input buffer, out to its PEs.
        var loads = new Dictionary<int, int>();
        foreach (var tile in blocks.GroupBy(x => x.Address.Tile).OrderBy(g => g.Key))
        {
            long rows = tile.Select(x => (x.RowBlock, x.RowCount)).Distinct().Sum(x => (long)x.RowCount);
            var bits = rows * b;
            var transfer = Add(new TransferInstruction(TransferDirection.Down, tile.Key, bits, Hops.ToTile(_machine, _tiles[tile.Key]), ValueList<int>.Empty));
            var write = Add(new BufferWriteInstruction(tile.Key, TileBuffer.Input, rows, bits, ValueList.Of(transfer)));
            loads[tile.Key] = Add(new BufferReadInstruction(tile.Key, TileBuffer.Input, rows, bits, ValueList.Of(write)));
        }

        // 2. Read, convert and shift-add every plane of every block.
        var blockOut = new Dictionary<SubarrayBlock, int>();
        foreach (var x in blocks)
        {
            var a = x.Address;
            var physical = (x.ColumnCount * l.Geometry.ColumnsPerWeight) + (l.Geometry.ReferenceColumn is null ? 0 : 1);
            var steps = Math.Min(_machine.ColumnsPerAdc, (int)Ceil(physical, _machine.AdcsPerSubarray));
            var load = loads[a.Tile];
            var last = -1;
            for (var p = 0; p < b; p++)
            {
                var read = Add(new ReadInstruction(a.Tile, a.Pe, a.Subarray, a.SubarrayId, x.RowBlock, x.ColumnBlock, p, x.RowCount, x.ColumnCount, ValueList.Of(load)));
                var convert = Add(new ConvertInstruction(a.SubarrayId, p, physical, steps, ValueList.Of(read)));
                // One plane read in one group goes on as it is; planes and row groups fold into the block's accumulator.
                last = b == 1 && _machine.ReadGroupsOf(x.RowCount) == 1 ? convert
                    : Add(new ShiftAddInstruction(a.SubarrayId, p, x.ColumnCount, last < 0 ? ValueList.Of(convert) : ValueList.Of(last, convert)));
            }

            blockOut[x] = last;
        }

        // 3. Partial sums: PE, tile, chip.
        var peOut = Reduce(blocks.GroupBy(x => (x.Address.Tile, x.Address.Pe, x.ColumnBlock)), g => g.Select(x => blockOut[x]).ToList(),
            g => new AccumulateInstruction(AccumulationLevel.Pe, g.Key.Tile, (g.First().Address.Pe * _machine.SubarraysPerPe.Columns) + g.First().Address.SubarrayColumn,
                g.Count(), g.First().ColumnCount, ValueList<int>.Empty));
        var columnUnitsPerTile = _machine.PesPerTile.Columns * _machine.SubarraysPerPe.Columns;
        var tileOut = Reduce(peOut.GroupBy(kv => (kv.Key.Tile, kv.Key.ColumnBlock)), g => g.Select(kv => kv.Value).ToList(),
            g => new AccumulateInstruction(AccumulationLevel.Tile, g.Key.Tile, g.Key.ColumnBlock % columnUnitsPerTile, g.Count(),
                blocks.First(x => x.ColumnBlock == g.Key.ColumnBlock).ColumnCount, ValueList<int>.Empty));
        var columns = blocks.Where(x => x.RowBlock == 0).ToDictionary(x => x.ColumnBlock, x => x.ColumnCount);

        if (l.Accumulation == AccumulationLevel.Chip)
        {
            var chipOut = new List<int>();
            foreach (var byColumn in tileOut.GroupBy(kv => kv.Key.ColumnBlock).OrderBy(g => g.Key))
            {
                var ups = byColumn.OrderBy(kv => kv.Key.Tile).Select(kv =>
                {
                    var read = OutputBuffer(kv.Key.Tile, columns[byColumn.Key], _machine.PartialSumBits, ValueList.Of(kv.Value));
                    return Add(new TransferInstruction(TransferDirection.Up, kv.Key.Tile, (long)columns[byColumn.Key] * _machine.PartialSumBits,
                        Hops.ToTile(_machine, _tiles[kv.Key.Tile]), ValueList.Of(read)));
                }).ToList();
                chipOut.Add(Add(new AccumulateInstruction(AccumulationLevel.Chip, Instruction.Chip, 0, ups.Count, columns[byColumn.Key], ups.ToValueList())));
            }

            Finish(Instruction.Chip, l.Columns, chipOut, 0);
            return;
        }

        foreach (var tile in tileOut.GroupBy(kv => kv.Key.Tile).OrderBy(g => g.Key))
        {
            var elements = tile.Sum(kv => columns[kv.Key.ColumnBlock]);
            Finish(tile.Key, elements, tile.Select(kv => kv.Value).ToList(), Hops.ToTile(_machine, _tiles[tile.Key]));
        }
    }

    /// <summary>Adds one accumulate per group with more than one operand; a single operand passes through.</summary>
    private Dictionary<TKey, int> Reduce<TKey, TItem>(IEnumerable<IGrouping<TKey, TItem>> groups, Func<IGrouping<TKey, TItem>, List<int>> inputs,
        Func<IGrouping<TKey, TItem>, AccumulateInstruction> make) where TKey : notnull
    {
        var result = new Dictionary<TKey, int>();
        foreach (var g in groups)
        {
            var from = inputs(g);
            result[g.Key] = from.Count == 1 ? from[0] : Add(make(g) with { After = from.ToValueList() });
        }

        return result;
    }

    /// <summary>The layer's digital operations on <paramref name="elements"/> outputs, chained, then the store.</summary>
    private void Finish(int tile, int elements, List<int> inputs, int hops)
    {
        var after = inputs.ToValueList();
        foreach (var op in _layer.DigitalOps)
        {
            if (Digital(op, tile, elements, after) is { } instruction)
            {
                after = ValueList.Of(Add(instruction));
            }
        }

        var outBits = _layer.DigitalOps.Any(o => o.Op == "threshold") ? 1 : _machine.PartialSumBits;
        if (tile != Instruction.Chip)
        {
            after = ValueList.Of(OutputBuffer(tile, elements, outBits, after));
        }

        Add(new StoreInstruction(tile, (long)elements * outBits, hops, after));
    }

    /// <summary>Writes <paramref name="words"/> results into a tile's output buffer and reads them out; returns the read.</summary>
    private int OutputBuffer(int tile, int words, int wordBits, ValueList<int> after)
    {
        var write = Add(new BufferWriteInstruction(tile, TileBuffer.Output, words, (long)words * wordBits, after));
        return Add(new BufferReadInstruction(tile, TileBuffer.Output, words, (long)words * wordBits, ValueList.Of(write)));
    }

    /// <summary>The instruction for one digital node, or null for pure relabelling (reshape, transpose, flatten).</summary>
    private static Instruction? Digital(DigitalOp op, int tile, int elements, ValueList<int> after) => op.Op switch
    {
        "reshape" or "transpose" or "flatten" or "identity" => null,
        "max_pool" or "avg_pool" => new PoolInstruction(op.Name, op.Op, tile, elements, after),
        "add" => new ResidualAddInstruction(op.Name, tile, elements, after),
        "concat" => new ConcatInstruction(op.Name, tile, elements, after),
        _ => new ActivateInstruction(op.Name, op.Op, tile, elements, after),
    };

    private static long Ceil(long a, long b) => (a + b - 1) / Math.Max(1, b);
}
