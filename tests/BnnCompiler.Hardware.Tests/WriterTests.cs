using static BnnCompiler.Hardware.Tests.TestSupport;

namespace BnnCompiler.Hardware.Tests;

public class WriterTests
{
    [Theory]
    [InlineData("default.yaml")]
    [InlineData("sram.yaml")]
    [InlineData("fefet.yaml")]
    [InlineData("tiny.yaml")]
    public void Should_Round_Trip_Every_Shipped_Spec(string file)
    {
        var spec = HardwareSpecLoader.Load(SpecPath(file), []);

        var yaml = HardwareSpecWriter.ToYaml(spec);

        Assert.Equal(spec, HardwareSpecLoader.Parse(yaml, spec.SourcePath, []));
    }

    [Fact]
    public void Should_Round_Trip_Every_Key_Set_Away_From_Its_Default()
    {
        // Given a spec where every optional, keyword and awkward value is used
        var spec = HardwareSpecLoader.Load(SpecPath("tiny.yaml"),
        [
            "name=a \"quoted\" name: with # and \\ in it",
            "technology.vdd_v=0.8",
            "technology.device_roadmap=hp",
            "cell.access=none",
            "cell.r_on_ohm=12345.678",
            "cell.on_off_ratio=17.5",
            "weights.mapping=one_cell_reference",
            "weights.pair_layout=columns",
            "chip.interconnect.topology=h_tree",
            "pe.adder_tree_bits=auto",
            "subarray.parallel_rows=8",
            "readout.adc_type=sar",
            "readout.input_quantization=static",
            "readout.input_range_min=-1.5",
            "readout.input_range_max=2.25",
            "clock.period_ns=0.1",
            "pipeline.mode=layer_by_layer",
            "pipeline.duplication.mode=auto",
            "pipeline.duplication.tile_budget=40",
            "non_idealities.seed=42",
            "non_idealities.device_variation.distribution=gaussian",
            "non_idealities.device_variation.sigma=0.1",
            "non_idealities.read_noise_sigma=0.01",
            "non_idealities.finite_on_off_ratio=true",
            "non_idealities.stuck_at_on_rate=0.001",
            "non_idealities.stuck_at_off_rate=1e-4",
            "non_idealities.drift.read_time_s=3600",
            "non_idealities.drift.nu=0.05",
            "non_idealities.drift.nu_sigma=0.01",
            "non_idealities.ir_drop.wire_resistance_ohm=2.12",
            "non_idealities.adc.offset_sigma_lsb=0.5",
            "non_idealities.adc.gain_error_sigma=0.01",
            "non_idealities.adc.noise_sigma_lsb=0.3",
        ]);

        // When it is written and read back
        var yaml = HardwareSpecWriter.ToYaml(spec);
        var back = HardwareSpecLoader.Parse(yaml, spec.SourcePath, []);

        // Then nothing is lost
        Assert.Equal(spec, back);
        Assert.Equal("a \"quoted\" name: with # and \\ in it", back.Name);
        Assert.Equal(12345.678 * 17.5, back.Cell.ROffOhm);
        Assert.False(back.NonIdealities.IsIdeal);
    }

    [Fact]
    public void Should_Write_Every_Key_In_Schema_Order()
    {
        var yaml = HardwareSpecWriter.ToYaml(HardwareSpecLoader.Load(SpecPath("default.yaml"), []));

        Assert.StartsWith($"# hardware spec written by bnnc from {SpecPath("default.yaml")}\nversion: 1\nname: \"study-22nm-rram\"\ntechnology:\n  node_nm: 22\n", yaml);
        Assert.Contains("chip:\n  tiles:\n    rows: auto\n    columns: auto\n  global_buffer:\n    kind: register_file\n    size_kib: auto\n", yaml);
        Assert.Contains("subarray:\n  rows: 128\n  columns: 128\n  parallel_rows: 128\n", yaml);
        Assert.DoesNotContain("\n  on_off_ratio:", yaml);
        Assert.DoesNotContain("\n  period_ns:", yaml);
    }

    [Fact]
    public void Should_Round_Trip_A_Spec_Changed_With_A_With_Expression()
    {
        var study = HardwareSpecLoader.Load(SpecPath("default.yaml"), []);
        var changed = study with { Subarray = study.Subarray with { Rows = 64, ParallelRows = 32 }, Clock = study.Clock with { Mode = ClockMode.Fixed, PeriodNs = 2.5 } };

        Assert.Equal(changed, HardwareSpecLoader.Parse(HardwareSpecWriter.ToYaml(changed), changed.SourcePath, []));
    }
}
