using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Hardware;

namespace BnnCompiler.Mapping.Passes;

/// <summary>
/// With a fixed chip grid, checks that every layer (one copy) and then the whole model fit; names each layer
/// that does not and what would fit. Adds nothing when the grid is auto.
/// <code>
/// before: chip.tiles 4x4, layer s4.b1 4608x512 needing 18 x 1 tiles
/// after:  error BNN4001: layer 's4.b1' (4608x512 weights) needs 18 tiles ...; at most K = 4096 of N = 512 fit ...
/// </code>
/// </summary>
internal static class FitCheck
{
    public static void Run(IReadOnlyList<MatrixLayer> layers, IReadOnlyList<LayerPartition> partitions, HardwareSpec spec,
        GridSpec pesPerTile, GridSpec subarraysPerPe, DiagnosticBag bag)
    {
        if (spec.Chip.Tiles is not { } grid)
        {
            return;
        }

        var location = new SourceLocation(spec.SourcePath, Detail: "chip.tiles");
        var rowsPerTile = pesPerTile.Rows * subarraysPerPe.Rows * spec.WeightRowsPerSubarray;
        var columnsPerTile = pesPerTile.Columns * subarraysPerPe.Columns * spec.WeightColumnsPerSubarray;
        var tileText = $"tiles of {pesPerTile.Rows}x{pesPerTile.Columns} PEs of {subarraysPerPe.Rows}x{subarraysPerPe.Columns} subarrays of {spec.Subarray.Rows}x{spec.Subarray.Columns} cells, {rowsPerTile}x{columnsPerTile} weights a tile";
        var chipText = $"chip.tiles is {grid.Rows}x{grid.Columns} = {grid.Count} tiles";
        var anyLayerTooLarge = false;
        for (var i = 0; i < layers.Count; i++)
        {
            var (layer, p) = (layers[i], partitions[i]);
            if (p.Tiles <= grid.Count)
            {
                continue;
            }

            anyLayerTooLarge = true;
            var fits = p.TileColumns <= grid.Count
                ? $"of its N = {layer.N} outputs, at most K = {(long)(grid.Count / p.TileColumns) * rowsPerTile} inputs fit"
                : $"at most N = {(long)grid.Count * columnsPerTile} outputs with K <= {rowsPerTile} inputs fit";
            bag.Error(MappingCodes.LayerTooLarge,
                $"layer '{layer.Node.Name}' ({layer.K}x{layer.N} weights) needs {p.Tiles} tiles ({p.TileRows}x{p.TileColumns} {tileText}), but {chipText}; {fits}; set chip.tiles to auto or to at least {p.Tiles} tiles",
                location);
        }

        var total = partitions.Sum(p => p.Tiles);
        if (!anyLayerTooLarge && total > grid.Count)
        {
            var largest = layers.Zip(partitions)
                .OrderByDescending(x => x.Second.Tiles).ThenBy(x => x.First.Index).Take(5)
                .Select(x => $"'{x.First.Node.Name}' {x.Second.Tiles}");
            bag.Error(MappingCodes.ModelTooLarge,
                $"the model needs {total} tiles for one copy of each of its {layers.Count} layers ({tileText}), but {chipText}; the largest layers: {string.Join(", ", largest)}; set chip.tiles to auto or to at least {total} tiles",
                location);
        }
    }
}
