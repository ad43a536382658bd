namespace BnnCompiler.Mapping.Tests;

/// <summary>
/// BResNet18 on the default spec (the study's set-up) with `chip.floorplan=utilization` (Specs.Default) against a hand calculation.
/// <para>Subarray: 128 × 128 cells, two cells per weight in two rows → R = 128 / 2 = 64 weight rows, C = 128 weight
/// columns, 64 · 128 = 8192 weight slots.</para>
/// <para>Floorplan (tile.pes and pe.subarrays auto): tile = 2 × 2 PEs, PE = S × S subarrays. Widest layer fc, N = 1000:
/// S_max = the smallest power of two with 2 · S · 128 ≥ 1000 → 4; candidates S = 4, 2.
/// S = 4: a tile holds 2·4·64 = 512 rows × 2·4·128 = 1024 columns; tiles ⌈K/512⌉·⌈N/1024⌉ summed over the 21 layers =
/// 1 + 4·2 + 2 + 1 + 3·3 + 3 + 1 + 3·5 + 5 + 1 + 3·9 + 1 = 74; utilisation 11,678,912 / (74 · 524,288) = 30.10 %.
/// S = 2: a tile holds 256 × 512 weights; 1 + 4·3 + 3 + 1 + 3·5 + 5 + 1 + 3·9 + 9 + 1 + 3·18 + 4 = 133 tiles;
/// 11,678,912 / (133 · 131,072) = 66.99 % → chosen.</para>
/// <para>Per layer (one copy): row blocks ⌈K/64⌉, column blocks ⌈N/128⌉, subarrays = their product, PEs = ⌈rb/2⌉·⌈cb/2⌉,
/// tiles = ⌈⌈rb/2⌉/2⌉·⌈⌈cb/2⌉/2⌉, subarray utilisation K·N / (subarrays · 8192), tile utilisation K·N / (tiles · 131,072).</para>
/// <para>Duplication (auto, at most 8 copies, unlimited budget; 8-bit image input): stage load = ⌈pixels / copies⌉ · bits.
/// conv1: 112·112 = 12,544 pixels · 8 bits = 100,352, far above s1.* (56·56 · 1 = 3,136): conv1 gets copies up to 8
/// (load 12,544, still the slowest) and the others none. Tiles 133 + 7 = 140; chip grid ⌈√140⌉ = 12 rows × ⌈140/12⌉ = 12.</para>
/// </summary>
[Collection(StudyModelsCollection.Name)]
public class BResNet18HandCalculationTests(StudyModels models)
{
    // name, K, N, row blocks, column blocks, subarrays, PEs, tiles (per copy), copies, subarray util %, tile util %, partial sums
    private static readonly (string, int, int, int, int, int, int, int, int, double, double, AccumulationLevel)[] Expected =
    [
        ("conv1", 147, 64, 3, 1, 3, 2, 1, 8, 38.28, 7.18, AccumulationLevel.Tile),          // 9408/24576, 9408/131072
        ("s1.b0", 576, 64, 9, 1, 9, 5, 3, 1, 50.00, 9.38, AccumulationLevel.Chip),          // 36864/73728, 36864/393216
        ("s1.b1", 576, 64, 9, 1, 9, 5, 3, 1, 50.00, 9.38, AccumulationLevel.Chip),
        ("s1.b2", 576, 64, 9, 1, 9, 5, 3, 1, 50.00, 9.38, AccumulationLevel.Chip),
        ("s1.b3", 576, 64, 9, 1, 9, 5, 3, 1, 50.00, 9.38, AccumulationLevel.Chip),
        ("s2.b0", 576, 128, 9, 1, 9, 5, 3, 1, 100.00, 18.75, AccumulationLevel.Chip),       // 73728/393216
        ("s2.shortcut", 64, 128, 1, 1, 1, 1, 1, 1, 100.00, 6.25, AccumulationLevel.None),   // 8192/131072
        ("s2.b1", 1152, 128, 18, 1, 18, 9, 5, 1, 100.00, 22.50, AccumulationLevel.Chip),    // 147456/655360
        ("s2.b2", 1152, 128, 18, 1, 18, 9, 5, 1, 100.00, 22.50, AccumulationLevel.Chip),
        ("s2.b3", 1152, 128, 18, 1, 18, 9, 5, 1, 100.00, 22.50, AccumulationLevel.Chip),
        ("s3.b0", 1152, 256, 18, 2, 36, 9, 5, 1, 100.00, 45.00, AccumulationLevel.Chip),    // 294912/655360
        ("s3.shortcut", 128, 256, 2, 2, 4, 1, 1, 1, 100.00, 25.00, AccumulationLevel.Pe),   // 32768/131072
        ("s3.b1", 2304, 256, 36, 2, 72, 18, 9, 1, 100.00, 50.00, AccumulationLevel.Chip),   // 589824/1179648
        ("s3.b2", 2304, 256, 36, 2, 72, 18, 9, 1, 100.00, 50.00, AccumulationLevel.Chip),
        ("s3.b3", 2304, 256, 36, 2, 72, 18, 9, 1, 100.00, 50.00, AccumulationLevel.Chip),
        ("s4.b0", 2304, 512, 36, 4, 144, 36, 9, 1, 100.00, 100.00, AccumulationLevel.Chip), // 36 x 2 PEs, 9 x 1 tiles
        ("s4.shortcut", 256, 512, 4, 4, 16, 4, 1, 1, 100.00, 100.00, AccumulationLevel.Tile),
        ("s4.b1", 4608, 512, 72, 4, 288, 72, 18, 1, 100.00, 100.00, AccumulationLevel.Chip),
        ("s4.b2", 4608, 512, 72, 4, 288, 72, 18, 1, 100.00, 100.00, AccumulationLevel.Chip),
        ("s4.b3", 4608, 512, 72, 4, 288, 72, 18, 1, 100.00, 100.00, AccumulationLevel.Chip),
        ("fc", 512, 1000, 8, 8, 64, 16, 4, 1, 97.66, 97.66, AccumulationLevel.Chip),        // 512000/524288
    ];

    [Fact]
    public void Should_Match_The_Hand_Calculation_Per_Layer()
    {
        var actual = Mapping().Layers.Select(l => (l.Name, l.Rows, l.Columns, l.RowBlocks, l.ColumnBlocks, l.BlocksPerCopy, l.PesPerCopy,
            l.TilesPerCopy, l.Copies, Math.Round(l.SubarrayUtilization * 100, 2), Math.Round(l.TileUtilization * 100, 2), l.Accumulation));

        Assert.Equal(Expected, actual);
    }

    [Fact]
    public void Should_Give_Each_Layer_Its_Own_Tiles()
    {
        var m = Mapping();

        Assert.All(m.Layers, l => Assert.Equal(l.TilesPerCopy * l.Copies, l.TileIds.Count));
        Assert.Equal(Enumerable.Range(0, 140), m.Layers.SelectMany(l => l.TileIds));
    }

    [Fact]
    public void Should_Choose_The_Floorplan_By_Hand()
    {
        var f = Mapping().Floorplan;

        Assert.Equal((64, 128), (f.WeightRowsPerSubarray, f.WeightColumnsPerSubarray));
        Assert.Equal(new Hardware.GridSpec(2, 2), f.PesPerTile);
        Assert.Equal(new Hardware.GridSpec(2, 2), f.SubarraysPerPe);
        Assert.Equal(new Hardware.GridSpec(12, 12), f.Tiles);
        Assert.Equal(2, f.Candidates.Count);
        Assert.Equal((4, 74, false), (f.Candidates[0].SubarraysPerPe.Rows, f.Candidates[0].Tiles, f.Candidates[0].Chosen));
        Assert.Equal(30.10, f.Candidates[0].Utilization * 100, 0.005);
        Assert.Equal((2, 133, true), (f.Candidates[1].SubarraysPerPe.Rows, f.Candidates[1].Tiles, f.Candidates[1].Chosen));
        Assert.Equal(66.99, f.Candidates[1].Utilization * 100, 0.005);
    }

    [Fact]
    public void Should_Total_The_Chip_By_Hand()
    {
        var t = Mapping().Totals;

        // Tiles 133 + 7 conv1 copies; PEs 391 + 7·2; subarrays 1447 + 7·3 (sums of the table above)
        Assert.Equal((140, 144), (t.TilesUsed, t.ChipTiles));
        Assert.Equal((405, 1468), (t.PesUsed, t.SubarraysUsed));
        Assert.Equal(11_678_912L + (7 * 9408), t.Weights);
        Assert.Equal(2 * t.Weights, t.CellsUsed);
        Assert.Equal(11_744_768.0 / (1468 * 8192), t.SubarrayUtilization, 1e-12);
        Assert.Equal(11_744_768.0 / (140 * 131_072), t.TileUtilization, 1e-12);
        Assert.Equal(11_744_768.0 / (144 * 131_072), t.ChipUtilization, 1e-12);
    }

    [Fact]
    public void Should_Schedule_Stages_By_Hand()
    {
        // Sensing cycles per input bit: 8 columns per ADC × 1 row group × 1 read = 8
        var m = Mapping();
        var s = m.Schedule;

        Assert.Equal(21, s.Stages.Count);
        Assert.Equal(("conv1", 8, 1568L * 8 * 8, null), (s.Stages[0].Layer, s.Stages[0].Copies, s.Stages[0].SensingCycles, s.Stages[0].ReadsFrom));
        Assert.Equal(("s1.b0", 3136L * 8, "conv1"), (s.Stages[1].Layer, s.Stages[1].SensingCycles, s.Stages[1].ReadsFrom));
        Assert.Equal(("fc", 8L, "s4.b3"), (s.Stages[20].Layer, s.Stages[20].SensingCycles, s.Stages[20].ReadsFrom));
        Assert.Equal((0, 100_352L), (s.SlowestStage, s.SlowestStageCycles));
        Assert.Equal(s.SlowestStageCycles, s.ImageIntervalCycles);
        Assert.Equal(m.Layers.Sum(l => l.StageCycles), s.TotalStageCycles);
    }

    [Fact]
    public void Should_Size_Auto_Buffers_By_Hand()
    {
        // PE: 128 rows × 256 columns of weights; tile: 256 × 512. Partial-sum bits of r rows of b-bit inputs: ⌈log2(r·(2^b−1)+1)⌉ + 1.
        var b = Mapping().Floorplan.Buffers;

        Assert.Equal(128 * 8 / 8192.0, b.PeInputKib);          // conv1: 128 of its 147 rows × 8 bits
        Assert.Equal(256 * 9 / 8192.0, b.PeOutputKib);         // s4.*, fc: 256 columns × 9 bits (sums of 128 bipolar rows: 8 + sign)
        Assert.Equal(147 * 8 / 8192.0, b.TileInputKib);        // conv1: 147 rows × 8 bits
        Assert.Equal(512 * 10 / 8192.0, b.TileOutputKib);      // s4.*, fc: 512 columns × 10 bits (256 rows)
        Assert.Equal(147.0, b.GlobalBufferKib);                // the 3 × 224 × 224 image × 8 bits
        Assert.Equal(16, b.PeAdderTreeBits);                   // conv1: 128 · 255 = 32,640 < 2^15, + sign
    }

    private ChipMapping Mapping() => CrossbarMapper.Map(models.BResNet18, Specs.Default());
}
