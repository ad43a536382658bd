using BnnCompiler.Hardware;

namespace BnnCompiler.Mapping.Tests;

/// <summary>
/// NeuroSim V1.3's floorplan rule (<c>chip.floorplan: neurosim</c>, the shipped default.yaml) on BResNet18, by hand.
/// <para>Tile side T_max = the smallest power of two ≥ max N · columns per weight = 1000 → 1024 cells = 8 subarrays
/// (128 cells a side), i.e. tile 2 × 2 PEs of X_max = 4 × 4 subarrays. Halving stops while the tile stays above
/// 4 subarrays a side: 8 → (4 is not above 4), so the only tile candidate is X = 4: tiles ⌈K/512⌉ · ⌈N/1024⌉ summed over
/// the 21 layers = 74, utilisation 11,678,912 / (74 · 524,288) = 30.10 %. PE: halving from 4 stops at 2 (not above 2),
/// so no PE candidate: PE 4 × 4 subarrays.</para>
/// <para>Duplication with 1-bit inputs (the study's tables): conv1 (P = 12,544) is the slowest stage; each extra copy
/// costs its one tile, so conv1 gets 8 copies (load 1,568) and s1.b0–b3 (P = 3,136; K = 576 > 512 rows, two tiles a
/// copy) 2 each: 74 + 7 + 4 · 2 = 89 tiles on a ⌈√89⌉ = 10 × ⌈89/10⌉ = 9 grid.</para>
/// </summary>
[Collection(StudyModelsCollection.Name)]
public class NeuroSimFloorplanTests(StudyModels models)
{
    [Fact]
    public void Should_Choose_NeuroSims_Large_Tiles_For_BResNet18()
    {
        var f = CrossbarMapper.Map(models.BResNet18, Specs.Study()).Floorplan;

        Assert.Equal(new GridSpec(2, 2), f.PesPerTile);
        Assert.Equal(new GridSpec(4, 4), f.SubarraysPerPe);
        var only = Assert.Single(f.Candidates);
        Assert.Equal((4, 74, true), (only.SubarraysPerPe.Rows, only.Tiles, only.Chosen));
        Assert.Equal(30.10, only.Utilization * 100, 0.005);
    }

    [Fact]
    public void Should_Duplicate_The_Early_Stages_Within_The_Large_Tiles()
    {
        var m = CrossbarMapper.Map(models.BResNet18, Specs.Study("readout.input_bits=1"));

        Assert.Equal(8, m.Layer("conv1").Copies);
        Assert.All(["s1.b0", "s1.b1", "s1.b2", "s1.b3"], n => Assert.Equal(2, m.Layer(n).Copies));
        Assert.Equal(89, m.Totals.TilesUsed);
        Assert.Equal(new GridSpec(10, 9), m.Floorplan.Tiles);
    }
}
