using BnnCompiler.Circuits;
using BnnCompiler.Circuits.Components;
using BnnCompiler.CostModel.Pricing;
using BnnCompiler.Hardware;
using BnnCompiler.Mapping;
using BnnCompiler.Testing;

namespace BnnCompiler.CostModel.Tests;

/// <summary>
/// The shift-and-add behind each ADC exists only on a chip that feeds some layer bit-serially: the shipped CNN's first
/// layer takes the 8-bit image at the default spec; with <c>readout.input_bits=1</c> every layer takes one bit.
/// </summary>
public class ShiftAddPresenceTests
{
    [Fact]
    public void Should_Build_A_Shift_Adder_Per_Adc_Only_For_Bit_Serial_Inputs()
    {
        var serial = Circuits([]);
        var single = Circuits(["readout.input_bits=1"]);

        // ADC 5 + input 8 = 13 bits: a 13-bit ripple adder (28 T a bit) and a 13-bit register (24 T a bit) of
        // 140 F² transistors at 22 nm: 13 · 52 · 0.06776 µm² = 45.806 µm².
        Assert.Equal(13 * 52 * 0.06776, serial.Circuits.ShiftAdd.AreaUm2, 3);
        Assert.Equal(UnitCost.Zero, single.Circuits.ShiftAdd);

        // The accumulation bucket holds one shift-adder per ADC on the bit-serial chip, and is smaller without them.
        var adcs = serial.Mapping.Floorplan.Tiles.Count * serial.Mapping.Floorplan.SubarraysPerTile * serial.Mapping.Spec.AdcsPerSubarray;
        Assert.True(adcs > 0);
        Assert.True(serial.Circuits.Area.Accumulation > adcs * serial.Circuits.ShiftAdd.AreaUm2);
        Assert.True(single.Circuits.Area.Accumulation < serial.Circuits.Area.Accumulation);
    }

    private static (ChipMapping Mapping, ChipCircuits Circuits) Circuits(string[] overrides)
    {
        var spec = HardwareSpecLoader.Load(RepoPaths.Require(RepoPaths.Repo("hwspecs/default.yaml")), overrides);
        var mapping = CrossbarMapper.Map(DefaultCnn.Graph, spec);
        return (mapping, ChipCircuits.Build(mapping, CircuitOptions.Default));
    }
}
