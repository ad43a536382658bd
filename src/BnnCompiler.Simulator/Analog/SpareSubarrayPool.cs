using BnnCompiler.Mapping;
using BnnCompiler.Mapping.Defects;
using BnnCompiler.Mapping.Repair;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// Spare-subarray repair: the spare subarrays of the chip's PEs (<c>pe.spare_subarrays</c>) in one trial, assigned so
/// that each PE leaves the fewest weight errors. Built once per chip: every first-copy block is planned on its own
/// subarray (<see cref="RepairPlanner"/>, spare rows and columns included) and, in each PE, every block left with
/// errors on each of the PE's spare subarrays with the same planner (<see cref="RepairPlanner.PlanBlock"/>); then
/// <see cref="SpareAssignment"/> picks, over the PE's blocks × spares, the moves that minimise the errors left in all
/// (a block staying home costs its own subarray's errors; a spare no better than home is never taken).
/// <see cref="Claim"/> hands a block its spare, with the plan found here, while the layers are built.
/// A spare's stuck cells come from the chip's defect map (<see cref="IDefectSource.Spare"/>: listed after the PE's
/// subarrays) or are drawn, like its variation, drift and ADC instances, from its own streams
/// (<see cref="AnalogStreams.SpareCells"/>, <see cref="AnalogStreams.SpareAdcs"/>).
/// <code>
///   before: fc1 block (3, 0) on tile 7, PE 1, subarray 2, every cell stuck on: 8,192 weight errors left
///   after:  fc1 block (3, 0) on tile 7, PE 1, spare 0, placed around its stuck cells: 0 left; spare 0 is taken
/// </code>
/// </summary>
public sealed class SpareSubarrayPool
{
    private readonly ChipMapping _mapping;
    private readonly IDefectSource? _defects;
    private readonly int _trial;
    private readonly Dictionary<(string Layer, int RowBlock, int ColumnBlock), SpareSubarray> _assigned = [];

    public SpareSubarrayPool(ChipMapping mapping, int trial, IDefectSource? defects)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        _mapping = mapping;
        _trial = trial;
        _defects = defects;
        if (PerPe > 0)
        {
            Assign();
        }
    }

    /// <summary>Spare subarrays in each PE.</summary>
    public int PerPe => _mapping.Spec.Pe.SpareSubarrays;

    /// <summary>
    /// The spare subarray assigned to block (<paramref name="rowBlock"/>, <paramref name="columnBlock"/>) of
    /// <paramref name="layer"/>'s first copy, with the block's plan on it (it leaves fewer weight errors than the block's
    /// own subarray); null when the block stays on its own subarray.
    /// </summary>
    public SpareSubarray? Claim(string layer, int rowBlock, int columnBlock) =>
        _assigned.GetValueOrDefault((layer, rowBlock, columnBlock));

    /// <summary>Plans every first-copy block on its subarray and on its PE's spares, then assigns each PE's spares (see the summary).</summary>
    private void Assign()
    {
        var spec = _mapping.Spec;
        var (rows, columns) = (spec.Subarray.PhysicalRows, spec.Subarray.PhysicalColumns);
        var stuckAt = AnalogDeviceModels.From(spec).StuckAt;
        var blocks = new List<(LayerMapping Layer, SubarrayBlock Block, long Errors)>();
        foreach (var layer in _mapping.Layers)
        {
            foreach (var block in layer.Blocks.Where(b => b.Copy == 0))
            {
                var stuck = _defects?.For(layer.Name, block.RowBlock, block.ColumnBlock)
                    ?? CellDraws.Draw(AnalogStreams.Cells(spec.NonIdealities.Seed, _trial, layer.Name, block.RowBlock, block.ColumnBlock), rows * columns).Defects(stuckAt, rows, columns);
                blocks.Add((layer, block, Plan(layer, block, stuck).Counts.RepairedErrors));
            }
        }

        foreach (var pe in blocks.Where(x => x.Errors > 0).GroupBy(x => (x.Block.Address.Tile, x.Block.Address.Pe)))
        {
            var (tile, peIndex) = pe.Key;
            var spares = Enumerable.Range(0, PerPe).Select(j => Cells(tile, peIndex, j)).ToList();
            var candidates = pe.OrderByDescending(x => x.Errors).ThenBy(x => x.Layer.Index).ThenBy(x => x.Block.RowBlock).ThenBy(x => x.Block.ColumnBlock).ToList();
            var planned = candidates.Select(x => spares.Select(c => Plan(x.Layer, x.Block, c.Stuck)).ToList()).ToList();
            var moves = SpareAssignment.Solve(
                [.. candidates.Select(x => x.Errors)],
                [.. planned.Select(row => (IReadOnlyList<long>)[.. row.Select(p => p.Counts.RepairedErrors)])]);
            for (var i = 0; i < candidates.Count; i++)
            {
                if (moves[i] is { } j)
                {
                    var (layer, block, _) = candidates[i];
                    _assigned[(layer.Name, block.RowBlock, block.ColumnBlock)] =
                        new SpareSubarray(tile, peIndex, j, spares[j].Stuck, spares[j].Draws, planned[i][j].Plan, planned[i][j].Counts);
                }
            }
        }
    }

    private (SubarrayRepair Plan, RepairCounts Counts) Plan(LayerMapping layer, SubarrayBlock block, SubarrayDefects stuck) =>
        RepairPlanner.PlanBlock(_mapping.Spec, layer.Geometry, layer.Cells(block).States, stuck, useSpares: true);

    /// <summary>The trial's cell draws of a spare subarray and its stuck cells (the defect map's, or drawn).</summary>
    private (CellDraws Draws, SubarrayDefects Stuck) Cells(int tile, int pe, int spare)
    {
        var spec = _mapping.Spec;
        var (rows, columns) = (spec.Subarray.PhysicalRows, spec.Subarray.PhysicalColumns);
        var draws = CellDraws.Draw(AnalogStreams.SpareCells(spec.NonIdealities.Seed, _trial, tile, pe, spare), rows * columns);
        var stuck = _defects?.Spare(tile, pe, spare) ?? draws.Defects(AnalogDeviceModels.From(spec).StuckAt, rows, columns);
        return (draws, stuck);
    }
}
