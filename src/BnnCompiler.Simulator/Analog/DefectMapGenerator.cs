using BnnCompiler.Mapping;
using BnnCompiler.Mapping.Defects;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// A chip's defect map drawn from the spec's stuck-at rates: every subarray a layer uses, every copy, and the spare
/// subarrays of every PE used (<c>pe.spare_subarrays</c>, numbered after the PE's subarrays), from the same
/// stuck-at draws the simulator makes for Monte-Carlo trial <c>trial</c> (<see cref="CellDraws"/>), so evaluating with
/// the written map and evaluating trial <c>trial</c> without it simulate the same chip.
/// </summary>
public static class DefectMapGenerator
{
    public static DefectMap Generate(ChipMapping mapping, int trial)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var spec = mapping.Spec;
        var model = AnalogDeviceModels.From(spec).StuckAt;
        var (rows, columns) = (spec.Subarray.PhysicalRows, spec.Subarray.PhysicalColumns);
        var seed = spec.NonIdealities.Seed;
        var entries = new List<DefectEntry>();
        foreach (var layer in mapping.Layers)
        {
            foreach (var block in layer.Blocks)
            {
                var stream = block.Copy == 0
                    ? AnalogStreams.Cells(seed, trial, layer.Name, block.RowBlock, block.ColumnBlock)
                    : AnalogStreams.CopyCells(seed, trial, layer.Name, block.Copy, block.RowBlock, block.ColumnBlock);
                var defects = CellDraws.Draw(stream, rows * columns).Defects(model, rows, columns);
                Add(entries, block.Address.Tile, block.Address.Pe, block.Address.Subarray, defects);
            }
        }

        // The spare subarrays of every PE a layer uses (pe.spare_subarrays), listed after the PE's subarrays.
        var pes = mapping.Layers.SelectMany(l => l.Blocks).Select(b => (b.Address.Tile, b.Address.Pe)).Distinct().Order();
        foreach (var (tile, pe) in pes)
        {
            for (var j = 0; j < spec.Pe.SpareSubarrays; j++)
            {
                var defects = CellDraws.Draw(AnalogStreams.SpareCells(seed, trial, tile, pe, j), rows * columns).Defects(model, rows, columns);
                Add(entries, tile, pe, mapping.Floorplan.SubarraysPerPe.Count + j, defects);
            }
        }

        return new DefectMap(entries);
    }

    private static void Add(List<DefectEntry> entries, int tile, int pe, int subarray, SubarrayDefects defects)
    {
        var columns = defects.Columns;
        for (var i = 0; i < defects.Cells.Length; i++)
        {
            if (defects.Cells[i] != StuckState.None)
            {
                entries.Add(new DefectEntry(tile, pe, subarray, i / columns, i % columns, defects.Cells[i]));
            }
        }
    }
}
