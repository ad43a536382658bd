using BnnCompiler.Circuits;
using BnnCompiler.Circuits.Components;
using BnnCompiler.Hardware;
using BnnCompiler.Mapping;
using BnnCompiler.Testing;

namespace BnnCompiler.CostModel.Tests;

/// <summary>
/// Spare rows and columns are fabricated cells: the crossbar bucket grows with the cells, the row and column periphery
/// with the lines, the column mux widens to share the spare columns and its ADC steps through them; the mapping is unchanged.
/// </summary>
public class SparePricingTests
{
    [Fact]
    public void Should_Price_Spares_As_Fabricated_Rows_Columns_And_A_Wider_Mux()
    {
        var plain = Circuits([]);
        var spares = Circuits(["subarray.spare_rows=8", "subarray.spare_columns=16"]);
        Assert.Equal(plain.Mapping.Floorplan.Tiles.Count, spares.Mapping.Floorplan.Tiles.Count);

        // 136 × 144 cells instead of 128 × 128 in every subarray.
        Assert.Equal(136.0 * 144 / (128 * 128), spares.Circuits.Area.Crossbar / plain.Circuits.Area.Crossbar, 9);

        // 16 ADCs a subarray (columns_per_adc 8 of 128): each mux now takes ⌈144 / 16⌉ = 9 columns, as a mux of 9 does.
        Assert.Equal(9, spares.Mapping.Spec.MuxInputsPerAdc);
        Assert.Equal(ColumnMuxModel.PerAdc(9, plain.Circuits.Tech), spares.Circuits.Mux);
        Assert.Equal(9 * plain.Mapping.Spec.SensingCyclesPerInputBit / 8, spares.Mapping.Spec.SensingCyclesPerInputBit);
        Assert.True(spares.Circuits.Area.Other > plain.Circuits.Area.Other);
        Assert.True(spares.Circuits.LeakageUw > plain.Circuits.LeakageUw);
        Assert.Equal(plain.Circuits.Area.Adc, spares.Circuits.Area.Adc);
    }

    [Fact]
    public void Should_Price_Spare_Subarrays_As_Subarrays_With_Their_Selects()
    {
        var plain = Circuits([]);
        var spare = Circuits(["pe.spare_subarrays=1"]);
        var fp = plain.Mapping.Floorplan;
        Assert.Equal(fp.Tiles.Count, spare.Mapping.Floorplan.Tiles.Count);

        // 2 × 2 subarrays a PE and one spare: 5 fabricated subarrays where there were 4, cells and ADCs alike.
        var perPe = fp.SubarraysPerPe.Count;
        Assert.Equal(4, perPe);
        Assert.Equal((perPe + 1.0) / perPe, spare.Circuits.Area.Crossbar / plain.Circuits.Area.Crossbar, 9);
        Assert.Equal((perPe + 1.0) / perPe, spare.Circuits.Area.Adc / plain.Circuits.Area.Adc, 9);

        // The rest of the spare's periphery and its selects: per row a 2-input select (2 subarray rows a PE), per ADC
        // (16) a 2-input select (2 subarray columns), each a column mux of 2, in every PE of every tile.
        var select = ColumnMuxModel.PerAdc(2, plain.Circuits.Tech);
        var pes = fp.PesPerTile.Count * fp.Tiles.Count;
        var selects = pes * ((select.AreaUm2 * 128) + (select.AreaUm2 * 16));
        var subarrayOther = (plain.Circuits.Area.Other - (ThresholdAndPooling(plain) * fp.Tiles.Count)) / (perPe * pes);
        Assert.Equal(plain.Circuits.Area.Other + (subarrayOther * pes) + selects, spare.Circuits.Area.Other, 6);
        Assert.True(spare.Circuits.LeakageUw > plain.Circuits.LeakageUw);
        Assert.Equal(plain.Circuits.Adc, spare.Circuits.Adc);
        Assert.Equal(plain.Circuits.Mux, spare.Circuits.Mux);
    }

    /// <summary>A tile's threshold and pooling units (the part of the other bucket outside the subarrays).</summary>
    private static double ThresholdAndPooling((ChipMapping Mapping, ChipCircuits Circuits) chip)
    {
        var fp = chip.Mapping.Floorplan;
        var trees = fp.PesPerTile.Columns * fp.SubarraysPerPe.Columns * chip.Mapping.Spec.AdcsPerSubarray;
        return (chip.Circuits.Threshold.AreaUm2 + chip.Circuits.Pooling.AreaUm2) * trees;
    }

    private static (ChipMapping Mapping, ChipCircuits Circuits) Circuits(string[] overrides)
    {
        var spec = HardwareSpecLoader.Load(RepoPaths.Require(RepoPaths.Repo("hwspecs/default.yaml")), overrides);
        var mapping = CrossbarMapper.Map(DefaultCnn.Graph, spec);
        return (mapping, ChipCircuits.Build(mapping, CircuitOptions.Default));
    }
}
