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
    private static readonly Lazy<BnnCompiler.Core.Ir.IrGraph> Graph =
        new(() => BnnCompiler.Onnx.OnnxFrontend.Load(RepoPaths.Require(RepoPaths.Repo("onnx-models/fmnist-cnn.onnx"))).Graph);

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

    private static (ChipMapping Mapping, ChipCircuits Circuits) Circuits(string[] overrides)
    {
        var spec = HardwareSpecLoader.Load(RepoPaths.Require(RepoPaths.Repo("hwspecs/default.yaml")), overrides);
        var mapping = CrossbarMapper.Map(Graph.Value, spec);
        return (mapping, ChipCircuits.Build(mapping, CircuitOptions.Default));
    }
}
