using BnnCompiler.Mapping;
using BnnCompiler.Mapping.Defects;
using BnnCompiler.Mapping.Repair;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// Spare-subarray repair: the spare subarrays of the chip's PEs (<c>pe.spare_subarrays</c>) in one trial, handed out as
/// the layers are built (graph order, each layer's blocks row block by row block). A block that its own subarray's
/// repair (<see cref="RepairPlanner"/>, spare rows and columns included) leaves with weight errors moves onto the free
/// spare subarray of the same PE on which the same planner leaves the fewest, if that is fewer; the spare is then taken.
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
    private readonly HashSet<(int Tile, int Pe, int Spare)> _taken = [];

    public SpareSubarrayPool(ChipMapping mapping, int trial, IDefectSource? defects)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        _mapping = mapping;
        _trial = trial;
        _defects = defects;
    }

    /// <summary>Spare subarrays in each PE.</summary>
    public int PerPe => _mapping.Spec.Pe.SpareSubarrays;

    /// <summary>
    /// Moves block (<paramref name="rowBlock"/>, <paramref name="columnBlock"/>) of <paramref name="layer"/>'s first copy
    /// onto a free spare of its PE when <paramref name="plan"/> leaves fewer than <paramref name="errorsLeft"/> weight
    /// errors there (the best spare is taken); null when none does.
    /// </summary>
    public SpareSubarray? Claim(string layer, int rowBlock, int columnBlock, long errorsLeft, Func<SubarrayDefects, (SubarrayRepair Plan, RepairCounts Counts)> plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (errorsLeft == 0 || PerPe == 0)
        {
            return null;
        }

        var address = _mapping.Layer(layer).Block(0, rowBlock, columnBlock).Address;
        lock (_taken)
        {
            SpareSubarray? best = null;
            for (var j = 0; j < PerPe; j++)
            {
                if (_taken.Contains((address.Tile, address.Pe, j)))
                {
                    continue;
                }

                var (draws, stuck) = Cells(address.Tile, address.Pe, j);
                var (repair, counts) = plan(stuck);
                if (counts.RepairedErrors < (best?.Counts.RepairedErrors ?? errorsLeft))
                {
                    best = new SpareSubarray(address.Tile, address.Pe, j, stuck, draws, repair, counts);
                }
            }

            if (best is not null)
            {
                _taken.Add((best.Tile, best.Pe, best.Index));
            }

            return best;
        }
    }

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
