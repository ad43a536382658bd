using BnnCompiler.Mapping;
using BnnCompiler.Mapping.Defects;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// A chip's defect map drawn from the spec's stuck-at rates: every subarray a layer uses, every copy, from the same
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
                var a = block.Address;
                for (var i = 0; i < rows * columns; i++)
                {
                    if (defects.Cells[i] != StuckState.None)
                    {
                        entries.Add(new DefectEntry(a.Tile, a.Pe, a.Subarray, i / columns, i % columns, defects.Cells[i]));
                    }
                }
            }
        }

        return new DefectMap(entries);
    }
}
