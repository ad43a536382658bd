using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Core.Ir;
using BnnCompiler.Hardware;
using BnnCompiler.Mapping.Cells;
using BnnCompiler.Mapping.Passes;

namespace BnnCompiler.Mapping;

/// <summary>
/// Maps a canonical IR graph onto a chip described by a hardware spec. The passes run in this order, each
/// needing the ones before it:
/// <list type="number">
/// <item><see cref="LowerToMatrices"/>: binarized layers → K × N matrices per output pixel (everything else is digital);</item>
/// <item><see cref="ResolveFloorplan"/>: auto PE and tile sizes (needs every layer's N and K);</item>
/// <item><see cref="LayerPartition"/>: subarray blocks, PEs and tiles of one copy of each layer (needs the sizes);</item>
/// <item><see cref="FitCheck"/>: a fixed chip grid must hold one copy of every layer;</item>
/// <item><see cref="BalanceDuplication"/>: copies per layer (needs tiles per copy for the budget);</item>
/// <item><see cref="PlaceTiles"/>: tiles on the chip grid, blocks in tiles, PEs and subarrays (needs the copies);</item>
/// <item><see cref="SizeBuffers"/>, <see cref="AssignDigitalOps"/>, <see cref="BuildSchedule"/>: buffers, homes of
/// digital operations, stages.</item>
/// </list>
/// </summary>
public static class CrossbarMapper
{
    /// <summary>Maps <paramref name="graph"/> onto <paramref name="spec"/>.</summary>
    /// <exception cref="DiagnosticException">BNN4001–BNN4004, with every problem found.</exception>
    public static ChipMapping Map(IrGraph graph, HardwareSpec spec)
    {
        var bag = new DiagnosticBag();
        var layers = LowerToMatrices.Run(graph, spec, bag);
        if (layers.Count == 0)
        {
            bag.Error(MappingCodes.NothingToMap,
                "the model has no layer with ±1 weights and integer-coded (binarized or quantized) inputs; nothing maps onto crossbars",
                new SourceLocation(graph.Name));
            bag.ThrowIfErrors();
        }

        var (r, c) = (spec.WeightRowsPerSubarray, spec.WeightColumnsPerSubarray);
        var choice = ResolveFloorplan.Run(layers, spec);
        var partitions = layers.Select(l => LayerPartition.Of(l.K, l.N, r, c, choice.SubarraysPerPe, choice.PesPerTile)).ToList();
        FitCheck.Run(layers, partitions, spec, choice.PesPerTile, choice.SubarraysPerPe, bag);
        bag.ThrowIfErrors();
        var copies = BalanceDuplication.Run(layers, partitions, spec, bag);
        bag.ThrowIfErrors();

        var placement = PlaceTiles.Run(layers, partitions, copies, r, c, choice.PesPerTile, choice.SubarraysPerPe, spec.Chip.Tiles);
        var floorplan = new Floorplan
        {
            Tiles = placement.ChipGrid,
            PesPerTile = choice.PesPerTile,
            SubarraysPerPe = choice.SubarraysPerPe,
            SubarrayRows = spec.Subarray.Rows,
            SubarrayColumns = spec.Subarray.Columns,
            WeightRowsPerSubarray = r,
            WeightColumnsPerSubarray = c,
            Buffers = new BufferSizes(0, 0, 0, 0, 0, 0),
            Candidates = choice.Candidates,
        };
        floorplan = floorplan with
        {
            Buffers = SizeBuffers.Run(layers, spec, floorplan.WeightRowsPerPe, floorplan.WeightColumnsPerPe, floorplan.WeightRowsPerTile, floorplan.WeightColumnsPerTile),
        };
        var digital = AssignDigitalOps.Run(graph, layers);
        var schedule = BuildSchedule.Run(layers, copies, digital, spec);
        var geometry = CellGeometry.From(spec);
        var mapped = layers.Select(l => new LayerMapping
        {
            Name = l.Node.Name,
            Origin = l.Node.Origin,
            Kind = l.Kind,
            Node = l.Node,
            Index = l.Index,
            InputEncoding = l.Encoding,
            InputBits = l.InputBits,
            RowBlocks = partitions[l.Index].RowBlocks,
            ColumnBlocks = partitions[l.Index].ColumnBlocks,
            PeRows = partitions[l.Index].PeRows,
            PeColumns = partitions[l.Index].PeColumns,
            TileRows = partitions[l.Index].TileRows,
            TileColumns = partitions[l.Index].TileColumns,
            Copies = copies[l.Index],
            Accumulation = partitions[l.Index].Accumulation,
            Blocks = placement.Blocks[l.Index],
            TileIds = placement.TileIds[l.Index],
            SubarrayUtilization = l.Weights / (double)(partitions[l.Index].Blocks * floorplan.WeightsPerSubarray),
            TileUtilization = l.Weights / (double)(partitions[l.Index].Tiles * floorplan.WeightsPerTile),
            Stage = l.Index,
            StageCycles = schedule.Stages[l.Index].SensingCycles,
            DigitalOps = digital.ByLayer[l.Index],
            Geometry = geometry,
        }).ToList();

        return new ChipMapping
        {
            Spec = spec,
            Model = graph.Name,
            Floorplan = floorplan,
            Layers = mapped,
            InputOps = digital.InputOps,
            Tiles = placement.Tiles,
            Schedule = schedule,
            Totals = Totals(mapped, floorplan, spec),
            Warnings = bag.Items.Where(d => d.Severity == DiagnosticSeverity.Warning).ToList(),
        };
    }

    private static ChipTotals Totals(IReadOnlyList<LayerMapping> layers, Floorplan floorplan, HardwareSpec spec)
    {
        var weights = layers.Sum(l => (long)l.Rows * l.Columns * l.Copies);
        var referenceCells = spec.Weights.ReferenceColumnsPerSubarray * layers.Sum(l => l.Blocks.Sum(b => (long)b.RowCount));
        var tiles = layers.Sum(l => l.Tiles);
        var subarrays = layers.Sum(l => l.Subarrays);
        return new ChipTotals(
            tiles,
            floorplan.Tiles.Count,
            layers.Sum(l => l.Pes),
            subarrays,
            weights,
            (weights * spec.Weights.CellsPerWeight) + referenceCells,
            weights / (double)(subarrays * floorplan.WeightsPerSubarray),
            weights / (double)(tiles * floorplan.WeightsPerTile),
            weights / (double)(floorplan.Tiles.Count * floorplan.WeightsPerTile));
    }
}
