using BnnCompiler.Hardware;

namespace BnnCompiler.Mapping.Tests;

/// <summary>Tiles, PEs and subarrays: where blocks go, by hand on the tiny chip, and invariants on BResNet18.</summary>
[Collection(StudyModelsCollection.Name)]
public class PlacementTests(StudyModels models)
{
    [Fact]
    public void Should_Place_Tfc_On_The_Tiny_Chip_By_Hand()
    {
        // Tiny: 16x16 cells, two rows per weight -> 8 x 16 weights a subarray; PE 2x2 subarrays (16 x 32); tile 2x2 PEs (32 x 64)
        var m = CrossbarMapper.Map(models.Tfc, Specs.Tiny());

        Assert.Equal(new GridSpec(8, 8), m.Floorplan.Tiles);
        Assert.Empty(m.Floorplan.Candidates);
        // 784x64: 98 x 4 blocks, 49 x 2 PEs, 25 x 1 tiles; 64x64: 8 x 4, 4 x 2, 2 x 1; 64x10: 8 x 1, 4 x 1, 2 x 1
        Assert.Equal([(98, 4, 98, 25), (8, 4, 8, 2), (8, 4, 8, 2), (8, 1, 4, 2)],
            m.Layers.Select(l => (l.RowBlocks, l.ColumnBlocks, l.PesPerCopy, l.TilesPerCopy)));
        Assert.Equal([Enumerable.Range(0, 25), [25, 26], [27, 28], [29, 30]], m.Layers.Select(l => l.TileIds));

        // Block (5, 3) of MatMul_16: tile (5 / 4, 3 / 4) = (1, 0) -> id 1; PE (5 / 2 mod 2, 3 / 2 mod 2) = (0, 1); subarray (1, 1)
        var block = m.Layers[0].Block(0, 5, 3);
        Assert.Equal((40, 8, 48, 16), (block.RowStart, block.RowCount, block.ColumnStart, block.ColumnCount));
        Assert.Equal(new SubarrayAddress(1, 0, 1, 0, 1, 1, 1, 1, 3, (((1 * 4) + 1) * 4) + 3), block.Address);

        // The last row block of MatMul_16 holds 784 - 97·8 = 8 rows; MatMul_40's only column block holds 10 columns
        Assert.Equal(8, m.Layers[0].Block(0, 97, 0).RowCount);
        Assert.Equal(10, m.Layers[3].Block(0, 7, 0).ColumnCount);

        // Snake order: tile 8 opens row 1 at its right end, tile 15 closes it at the left
        Assert.Equal((1, 7), (m.Tiles[8].GridRow, m.Tiles[8].GridColumn));
        Assert.Equal((1, 0), (m.Tiles[15].GridRow, m.Tiles[15].GridColumn));
        Assert.Equal((3, 1), (m.Tiles[30].GridRow, m.Tiles[30].GridColumn)); // row 3 runs right to left: offset 6 -> column 1
    }

    [Fact]
    public void Should_Use_Every_Subarray_Slot_At_Most_Once_And_Each_Tile_For_One_Layer()
    {
        var m = CrossbarMapper.Map(models.BResNet18, Specs.Default("readout.input_bits=1"));
        var f = m.Floorplan;
        var blocks = m.Layers.SelectMany(l => l.Blocks.Select(b => (Layer: l.Name, Block: b))).ToList();

        Assert.Equal(blocks.Count, blocks.Select(x => x.Block.Address.SubarrayId).Distinct().Count());
        Assert.All(blocks.GroupBy(x => x.Block.Address.Tile), g => Assert.Single(g.Select(x => x.Layer).Distinct()));
        Assert.All(blocks, x =>
        {
            var a = x.Block.Address;
            Assert.InRange(a.PeRow, 0, f.PesPerTile.Rows - 1);
            Assert.InRange(a.SubarrayColumn, 0, f.SubarraysPerPe.Columns - 1);
            Assert.Equal((((a.Tile * f.PesPerTile.Count) + a.Pe) * f.SubarraysPerPe.Count) + a.Subarray, a.SubarrayId);
            Assert.Equal((a.TileGridRow, a.TileGridColumn), (m.Tiles[a.Tile].GridRow, m.Tiles[a.Tile].GridColumn));
        });
        Assert.Equal(m.Totals.TilesUsed, m.Tiles.Count);
        Assert.Equal(m.Tiles.Count, m.Tiles.Select(t => (t.GridRow, t.GridColumn)).Distinct().Count());
        Assert.All(m.Layers, l => Assert.Equal(l.Pes, m.Tiles.Where(t => t.Layer == l.Name).Sum(t => t.PesUsed)));
        Assert.All(m.Layers, l => Assert.Equal(l.Subarrays, m.Tiles.Where(t => t.Layer == l.Name).Sum(t => t.SubarraysUsed)));
    }

    [Fact]
    public void Should_Cover_Each_Copy_Of_The_Matrix_With_Its_Blocks()
    {
        var m = CrossbarMapper.Map(models.BResNet18, Specs.Default());

        Assert.All(m.Layers, l =>
        {
            for (var copy = 0; copy < l.Copies; copy++)
            {
                var blocks = l.Blocks.Where(b => b.Copy == copy).ToList();
                Assert.Equal((long)l.Rows * l.Columns, blocks.Sum(b => (long)b.Weights));
                Assert.All(blocks, b => Assert.Equal((b.RowBlock * 64, b.ColumnBlock * 128), (b.RowStart, b.ColumnStart)));
                Assert.Equal(l.Rows, blocks.Where(b => b.ColumnBlock == 0).Sum(b => b.RowCount));
                Assert.Equal(l.Columns, blocks.Where(b => b.RowBlock == 0).Sum(b => b.ColumnCount));
            }
        });
    }

    [Fact]
    public void Should_Search_Only_Floorplans_That_Fit_A_Fixed_Chip()
    {
        // 10x10 tiles: PE 2x2 needs 133 tiles (does not fit), PE 4x4 needs 74 (fits) -> PE 4x4 in spite of its lower utilisation
        var m = CrossbarMapper.Map(models.BResNet18, Specs.Default("chip.tiles.rows=10", "chip.tiles.columns=10", "pipeline.duplication.mode=fixed"));

        Assert.Equal(new GridSpec(4, 4), m.Floorplan.SubarraysPerPe);
        Assert.Equal([(74, true, true), (133, false, false)], m.Floorplan.Candidates.Select(c => (c.Tiles, c.Fits, c.Chosen)));
        Assert.Equal((74, 100), (m.Totals.TilesUsed, m.Totals.ChipTiles));
    }

    [Fact]
    public void Should_Search_The_Tile_Size_When_Only_The_Pe_Is_Fixed()
    {
        // PE fixed at 1x1 subarray (64 x 128 weights): tile P x P PEs, P_max = 8 (8 · 128 >= 1000); candidates 8, 4, 2
        var m = CrossbarMapper.Map(models.BResNet18, Specs.Default("pe.subarrays.rows=1", "pe.subarrays.columns=1"));

        Assert.Equal([8, 4, 2], m.Floorplan.Candidates.Select(c => c.PesPerTile.Rows));
        Assert.All(m.Floorplan.Candidates, c => Assert.Equal(new GridSpec(1, 1), c.SubarraysPerPe));
        Assert.Equal(m.Floorplan.Candidates.Single(c => c.Chosen).PesPerTile, m.Floorplan.PesPerTile);
        Assert.Equal(m.Floorplan.Candidates.Max(c => c.Utilization), m.Floorplan.Candidates.Single(c => c.Chosen).Utilization);
    }

    [Fact]
    public void Should_Size_The_Auto_Chip_Grid_As_A_Near_Square()
    {
        Assert.Equal(new GridSpec(1, 1), Passes.PlaceTiles.AutoGrid(1));
        Assert.Equal(new GridSpec(2, 2), Passes.PlaceTiles.AutoGrid(4));
        Assert.Equal(new GridSpec(3, 2), Passes.PlaceTiles.AutoGrid(5));
        Assert.Equal(new GridSpec(12, 12), Passes.PlaceTiles.AutoGrid(133));
        Assert.Equal(new GridSpec(13, 12), Passes.PlaceTiles.AutoGrid(152));
    }
}
