using BnnCompiler.Hardware;

namespace BnnCompiler.Mapping.Passes;

/// <summary>
/// Places every copy of every layer on whole tiles, in stage order, and every block in its tile, PE and subarray.
/// Tile ids run in allocation order (layer, copy, tile row, tile column); id t sits on chip-grid row ⌊t / columns⌋,
/// snaking (even rows left to right, odd rows right to left) so consecutive tiles and stages are neighbours.
/// An auto chip grid is ⌈√T⌉ rows × ⌈T / rows⌉ columns for T used tiles. Block (i, j) of a copy goes to the copy's
/// tile (⌊i / (S_r·P_r)⌋, ⌊j / (S_c·P_c)⌋), PE (⌊i / S_r⌋ mod P_r, ⌊j / S_c⌋ mod P_c), subarray (i mod S_r, j mod S_c).
/// <code>
/// before: s4.b1 72 x 4 blocks, PE 2x2 subarrays, tile 2x2 PEs, 1 copy
/// after:  18 x 1 tiles (ids 100..117); block (5, 3) in tile 101, PE (0, 1), subarray (1, 1)
/// </code>
/// </summary>
internal static class PlaceTiles
{
    public static Placement Run(IReadOnlyList<MatrixLayer> layers, IReadOnlyList<LayerPartition> partitions, IReadOnlyList<int> copies,
        int weightRows, int weightColumns, GridSpec pesPerTile, GridSpec subarraysPerPe, GridSpec? fixedChip)
    {
        var used = layers.Select((_, i) => partitions[i].Tiles * copies[i]).Sum();
        var chip = fixedChip ?? AutoGrid(used);
        var tiles = new List<TilePlacement>();
        var allBlocks = new List<IReadOnlyList<SubarrayBlock>>();
        var allTileIds = new List<IReadOnlyList<int>>();
        var nextTile = 0;
        for (var l = 0; l < layers.Count; l++)
        {
            var (layer, p) = (layers[l], partitions[l]);
            var blocks = new List<SubarrayBlock>(p.Blocks * copies[l]);
            var tileIds = new List<int>();
            for (var copy = 0; copy < copies[l]; copy++)
            {
                var firstTile = nextTile;
                nextTile += p.Tiles;
                var pesUsed = new int[p.Tiles];
                var subarraysUsed = new int[p.Tiles];
                for (var i = 0; i < p.RowBlocks; i++)
                {
                    for (var j = 0; j < p.ColumnBlocks; j++)
                    {
                        var local = ((i / (subarraysPerPe.Rows * pesPerTile.Rows)) * p.TileColumns) + (j / (subarraysPerPe.Columns * pesPerTile.Columns));
                        var tile = firstTile + local;
                        var (peRow, peColumn) = ((i / subarraysPerPe.Rows) % pesPerTile.Rows, (j / subarraysPerPe.Columns) % pesPerTile.Columns);
                        var (subRow, subColumn) = (i % subarraysPerPe.Rows, j % subarraysPerPe.Columns);
                        var pe = (peRow * pesPerTile.Columns) + peColumn;
                        var subarray = (subRow * subarraysPerPe.Columns) + subColumn;
                        var (gridRow, gridColumn) = Position(tile, chip.Columns);
                        var id = (((tile * pesPerTile.Count) + pe) * subarraysPerPe.Count) + subarray;
                        var address = new SubarrayAddress(tile, gridRow, gridColumn, peRow, peColumn, pe, subRow, subColumn, subarray, id);
                        var (rowStart, columnStart) = (i * weightRows, j * weightColumns);
                        blocks.Add(new SubarrayBlock(copy, i, j, rowStart, Math.Min(weightRows, layer.K - rowStart),
                            columnStart, Math.Min(weightColumns, layer.N - columnStart), address));
                        subarraysUsed[local]++;
                        if (subRow == 0 && subColumn == 0)
                        {
                            pesUsed[local]++;
                        }
                    }
                }

                for (var local = 0; local < p.Tiles; local++)
                {
                    var (gridRow, gridColumn) = Position(firstTile + local, chip.Columns);
                    tiles.Add(new TilePlacement(firstTile + local, gridRow, gridColumn, layer.Node.Name, copy, local / p.TileColumns, local % p.TileColumns,
                        pesUsed[local], subarraysUsed[local]));
                    tileIds.Add(firstTile + local);
                }
            }

            allBlocks.Add(blocks);
            allTileIds.Add(tileIds);
        }

        return new Placement(chip, tiles, allBlocks, allTileIds);
    }

    /// <summary>Snake order: row ⌊t / columns⌋; left to right on even rows, right to left on odd rows.</summary>
    public static (int Row, int Column) Position(int tile, int columns)
    {
        var row = tile / columns;
        var offset = tile % columns;
        return (row, row % 2 == 0 ? offset : columns - 1 - offset);
    }

    /// <summary>⌈√T⌉ rows (the smallest r with r² ≥ T) × ⌈T / r⌉ columns.</summary>
    public static GridSpec AutoGrid(int tiles)
    {
        var rows = 1;
        while (rows * rows < tiles)
        {
            rows++;
        }

        return new GridSpec(rows, LayerPartition.Ceil(Math.Max(tiles, 1), rows));
    }
}
