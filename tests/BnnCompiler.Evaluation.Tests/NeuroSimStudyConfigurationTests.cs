using BnnCompiler.Evaluation.NeuroSim;
using BnnCompiler.Hardware;
using BnnCompiler.Testing;

namespace BnnCompiler.Evaluation.Tests;

/// <summary>The NeuroSim-compatible accounting says when a spec leaves the configuration its circuit figures belong to.</summary>
public sealed class NeuroSimStudyConfigurationTests
{
    [Theory]
    [InlineData("")]
    [InlineData("readout.input_bits=1;readout.adc_bits=8;cost.accounting=neurosim_v1_3")]
    [InlineData("subarray.parallel_rows=all;chip.interconnect.bus_width_bits=1024")]
    public void Should_Find_No_Departure_In_The_Study_Configuration(string overrides)
    {
        var spec = HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), overrides.Split(';', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(NeuroSimStudyConfiguration.Departures(spec));
        Assert.Null(NeuroSimStudyConfiguration.Check(spec));
    }

    [Theory]
    [InlineData("subarray.rows=64", "subarray.rows 64 (figures at 128)")]
    [InlineData("readout.columns_per_adc=4", "readout.columns_per_adc 4 (figures at 8)")]
    [InlineData("readout.adc_type=sar", "readout.adc_type sar (figures at multilevel_sense_amp)")]
    [InlineData("cell.r_on_ohm=20000", "cell.r_on_ohm 20000 (figures at 6000)")]
    [InlineData("subarray.parallel_rows=16", "subarray.parallel_rows 16 (figures at all)")]
    public void Should_Name_Each_Departing_Key(string setting, string expected)
    {
        var spec = HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), [setting]);
        Assert.Equal([expected], NeuroSimStudyConfiguration.Departures(spec));
        var warning = NeuroSimStudyConfiguration.Check(spec);
        Assert.NotNull(warning);
        Assert.Equal("BNN8005", warning.Code);
        Assert.Contains(expected, warning.Message);
    }

    [Fact]
    public void Should_Warn_Once_Per_Departure_For_The_Specs_Priced_With_The_Compatible_Accounting()
    {
        HardwareSpec Spec(params string[] settings) => HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), settings);
        var compatible = "cost.accounting=neurosim_v1_3";

        Assert.Empty(NeuroSimStudyConfiguration.Warnings([Spec("subarray.rows=64"), Spec(compatible)]));
        var one = NeuroSimStudyConfiguration.Warnings([Spec(compatible, "subarray.rows=64", "readout.adc_bits=3"), Spec(compatible, "subarray.rows=64", "readout.adc_bits=8")]);
        Assert.Equal("BNN8005", Assert.Single(one).Code);
        var two = NeuroSimStudyConfiguration.Warnings([Spec(compatible, "subarray.rows=64"), Spec(compatible, "cell.r_on_ohm=20000"), Spec("cell.r_on_ohm=30000")]);
        Assert.Equal(2, two.Count);
        Assert.Contains(two, w => w.Message.Contains("subarray.rows 64", StringComparison.Ordinal));
        Assert.Contains(two, w => w.Message.Contains("cell.r_on_ohm 20000", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Name_The_Cell_Of_An_Sram_Spec()
    {
        var spec = HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/sram.yaml"), []);
        Assert.Contains("cell.type sram (figures at rram)", NeuroSimStudyConfiguration.Departures(spec));
    }
}
