using BnnCompiler.Circuits;
using BnnCompiler.Circuits.Components;
using BnnCompiler.Hardware;
using BnnCompiler.Mapping;
using BnnCompiler.Testing;

namespace BnnCompiler.CostModel.Tests;

/// <summary>
/// A calibrated chip keeps a gain and an offset word per (column, row group) behind every ADC and trims the ADC's
/// references with two DACs: priced with the ADC, in area, leakage and energy per conversion; nothing else changes.
/// </summary>
public class CalibrationTrimPricingTests
{
    [Theory]
    [InlineData(0.5, 0.5)]
    [InlineData(0.8, 102.0 / 128)]        // 102.4 steps of 1/128
    [InlineData(0.80078125, 103.0 / 128)] // 102.5 steps: half away from zero
    [InlineData(0.001, 1.0 / 128)]        // the smallest non-zero code
    [InlineData(3.0, 255.0 / 128)]        // the top code
    public void Should_Hold_A_Gain_In_Steps_Of_One_128th_Below_Two(double fitted, double held) =>
        Assert.Equal(held, ReferenceTrimModel.QuantizeGain(fitted));

    [Theory]
    [InlineData(0.3, 0.25)]
    [InlineData(-0.3125, -0.375)]
    [InlineData(15.99, 15.875)]
    [InlineData(-20.0, -16.0)]
    [InlineData(40.0, 15.875)]
    public void Should_Hold_An_Offset_In_Eighths_Of_An_Lsb_Within_Sixteen(double fittedLsb, double heldLsb) =>
        Assert.Equal(heldLsb, ReferenceTrimModel.QuantizeOffsetLsb(fittedLsb));

    [Theory]
    [InlineData("all", 1)]
    [InlineData("32", 4)]
    public void Should_Price_A_Trim_Word_Pair_Per_Column_And_Row_Group_Behind_Every_Adc(string parallelRows, int groups)
    {
        string[] chip = ["subarray.spare_rows=8", "subarray.spare_columns=8", "subarray.parallel_rows=" + parallelRows];
        var mapped = Circuits([.. chip, "repair.mode=map+spares"]);
        var calibrated = Circuits([.. chip, "repair.mode=map+spares+calibrate"]);
        Assert.Equal(UnitCost.Zero, mapped.Circuits.ReferenceTrim);

        // ⌈136 / 16⌉ = 9 columns on each mux, each with a gain and an offset word of 8 bits per row group: 9·g·16
        // latch bits of 6 transistors, 9·g·16 read-mux pass transistors, two DACs of 255 unit transistors and 8 switches.
        var tech = calibrated.Circuits.Tech;
        var words = 9 * groups;
        var transistors = (words * 16 * 6.0) + (words * 16) + (2 * (255 + 8));
        var trim = calibrated.Circuits.ReferenceTrim;
        Assert.Equal(Gates.AreaUm2(tech, transistors), trim.AreaUm2, 9);
        Assert.Equal(Gates.LeakageUw(tech, transistors), trim.LeakageUw, 12);
        Assert.Equal(0.5 * 16 * Gates.SwitchingEnergyPj(tech, 2), trim.EnergyPerActionPj, 15);
        Assert.Equal(0, trim.LatencyNs);

        Assert.Equal(mapped.Circuits.Adc.EnergyPerActionPj + trim.EnergyPerActionPj, calibrated.Circuits.Adc.EnergyPerActionPj, 12);
        Assert.Equal(mapped.Circuits.Adc.LatencyNs, calibrated.Circuits.Adc.LatencyNs);
        var adcs = (double)calibrated.Mapping.Spec.AdcsPerSubarray * calibrated.Mapping.Floorplan.SubarraysPerTile * calibrated.Mapping.Floorplan.Tiles.Count;
        Assert.Equal(mapped.Circuits.Area.Adc + (adcs * trim.AreaUm2), calibrated.Circuits.Area.Adc, 6);
        Assert.Equal(mapped.Circuits.Area.Crossbar, calibrated.Circuits.Area.Crossbar);
        Assert.Equal(mapped.Circuits.Area.Other, calibrated.Circuits.Area.Other);
        Assert.Equal(mapped.Circuits.ClockPeriodNs, calibrated.Circuits.ClockPeriodNs);
        Assert.True(calibrated.Circuits.LeakageUw > mapped.Circuits.LeakageUw);
    }

    private static (ChipMapping Mapping, ChipCircuits Circuits) Circuits(string[] overrides)
    {
        var spec = HardwareSpecLoader.Load(RepoPaths.Require(RepoPaths.Repo("hwspecs/default.yaml")), overrides);
        var mapping = CrossbarMapper.Map(DefaultCnn.Graph, spec);
        return (mapping, ChipCircuits.Build(mapping, CircuitOptions.Default));
    }
}
