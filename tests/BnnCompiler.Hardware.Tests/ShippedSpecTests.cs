using static BnnCompiler.Hardware.Tests.TestSupport;

namespace BnnCompiler.Hardware.Tests;

public class ShippedSpecTests
{
    private static IReadOnlyList<string> ShippedFiles { get; } =
        Directory.GetFiles(Path.Combine(RepoRoot, "hwspecs"), "*.yaml").Select(Path.GetFileName).OfType<string>().Order().ToList();

    public static TheoryData<string> ShippedSpecs => new(ShippedFiles);

    [Fact]
    public void Should_Ship_The_Four_Specs_And_Three_NonIdeal_Variants()
    {
        Assert.Equal(["default.yaml", "fefet-nonideal.yaml", "fefet.yaml", "rram-nonideal.yaml", "sram-nonideal.yaml", "sram.yaml", "tiny.yaml"], ShippedFiles);
    }

    [Theory]
    [MemberData(nameof(ShippedSpecs))]
    public void Should_Load_Every_Shipped_Spec_Without_Diagnostics(string file)
    {
        var spec = HardwareSpecLoader.Load(SpecPath(file), []);

        Assert.Equal(1, spec.Version);
        Assert.Equal(SpecPath(file), spec.SourcePath);
        Assert.Equal(!file.EndsWith("-nonideal.yaml", StringComparison.Ordinal), spec.NonIdealities.IsIdeal);
    }

    [Theory]
    [InlineData("rram-nonideal.yaml", "default.yaml")]
    [InlineData("sram-nonideal.yaml", "sram.yaml")]
    [InlineData("fefet-nonideal.yaml", "fefet.yaml")]
    public void Should_Change_Only_The_NonIdealities_In_The_NonIdeal_Variants(string file, string baseFile)
    {
        var variant = HardwareSpecLoader.Load(SpecPath(file), []);
        var basis = HardwareSpecLoader.Load(SpecPath(baseFile), []);

        Assert.Equal(basis with { Name = variant.Name, NonIdealities = variant.NonIdealities, SourcePath = variant.SourcePath }, variant);
        Assert.True(variant.NonIdealities.FiniteOnOffRatio);
    }

    [Fact]
    public void Should_Carry_The_Published_RRAM_Figures_In_Rram_NonIdeal_Yaml()
    {
        var n = HardwareSpecLoader.Load(SpecPath("rram-nonideal.yaml"), []).NonIdealities;

        Assert.Equal((VariationDistribution.Gaussian, 0.028), (n.DeviceVariation.Distribution, n.DeviceVariation.Sigma)); // Wan et al. 2022
        Assert.Equal(0.01, n.ReadNoiseSigma);
        Assert.Equal((0.0904, 0.0175), (n.StuckAtOnRate, n.StuckAtOffRate)); // Chen et al. 2015
        Assert.False(n.Drift.IsActive);
        Assert.Equal(6, n.WireResistanceOhm);
    }

    [Fact]
    public void Should_Describe_The_Study_SetUp_In_Default_Yaml()
    {
        var spec = HardwareSpecLoader.Load(SpecPath("default.yaml"), []);

        Assert.Equal(22, spec.Technology.NodeNm);
        Assert.Equal(CellType.Rram, spec.Cell.Type);
        Assert.Equal(AccessDevice.Transistor, spec.Cell.Access);
        Assert.Equal(6000, spec.Cell.ROnOhm);
        Assert.Equal(900000, spec.Cell.ROffOhm);
        Assert.Equal(150, spec.Cell.OnOffRatio, 9);
        Assert.Equal(0.5, spec.Cell.ReadVoltageV);
        Assert.Equal(1, spec.Cell.BitsPerCell);
        Assert.Equal(WeightMappingMode.TwoCellsParallel, spec.Weights.Mode);
        Assert.Equal((128, 128, 128), (spec.Subarray.Rows, spec.Subarray.Columns, spec.Subarray.ParallelRows));
        Assert.Equal(AdcKind.MultiLevelSenseAmp, spec.Readout.AdcKind);
        Assert.Equal(5, spec.Readout.AdcBits);
        Assert.Equal(8, spec.Readout.ColumnsPerAdc);
        Assert.Equal(8, spec.Readout.InputBits);
        Assert.Equal(InputQuantization.Dynamic, spec.Readout.InputQuantization);
        Assert.Equal(ClockMode.SensingPath, spec.Clock.Mode);
        Assert.Equal(PipelineMode.LayerPipelined, spec.Pipeline.Mode);
        Assert.Equal(DuplicationMode.Auto, spec.Pipeline.Duplication.Mode);
        Assert.Null(spec.Chip.Tiles);
    }

    [Fact]
    public void Should_Give_The_Study_SetUp_When_Only_The_Version_Is_Written()
    {
        var fromDefaults = Parse("version: 1\n");
        var study = HardwareSpecLoader.Load(SpecPath("default.yaml"), []);

        Assert.Equal(study with { Name = null, SourcePath = "x.yaml" }, fromDefaults);
    }

    [Fact]
    public void Should_Change_Only_The_Cell_In_The_Sram_And_Fefet_Variants()
    {
        var study = HardwareSpecLoader.Load(SpecPath("default.yaml"), []);
        foreach (var file in new[] { "sram.yaml", "fefet.yaml" })
        {
            var variant = HardwareSpecLoader.Load(SpecPath(file), []);

            Assert.Equal(study with { Name = variant.Name, Cell = variant.Cell, SourcePath = variant.SourcePath }, variant);
        }

        Assert.Equal(CellType.Sram, HardwareSpecLoader.Load(SpecPath("sram.yaml"), []).Cell.Type);
        Assert.Equal(CellType.Fefet, HardwareSpecLoader.Load(SpecPath("fefet.yaml"), []).Cell.Type);
    }

    [Fact]
    public void Should_Describe_A_Small_Fixed_Chip_In_Tiny_Yaml()
    {
        var spec = HardwareSpecLoader.Load(SpecPath("tiny.yaml"), []);

        Assert.Equal(new GridSpec(8, 8), spec.Chip.Tiles);
        Assert.Equal(new GridSpec(2, 2), spec.Tile.Pes);
        Assert.Equal(new GridSpec(2, 2), spec.Pe.Subarrays);
        Assert.Equal((16, 16), (spec.Subarray.Rows, spec.Subarray.Columns));
        Assert.Equal(2.0, spec.Clock.PeriodNs);
        Assert.Equal(8, spec.WeightRowsPerSubarray);
        Assert.Equal(16, spec.WeightColumnsPerSubarray);
        Assert.Equal(4, spec.AdcsPerSubarray);
        Assert.Equal(4, spec.SensingCyclesPerInputBit);
    }

    [Fact]
    public void Should_Find_The_Default_Spec_By_Walking_Up_From_The_Current_Folder()
    {
        // Given the current folder somewhere below the repository root (the program's own folder may be elsewhere)
        var before = Directory.GetCurrentDirectory();
        try
        {
            Directory.SetCurrentDirectory(Path.Combine(RepoRoot, "docs"));

            // Then hwspecs/default.yaml is found above it
            Assert.Equal(Path.GetFullPath(SpecPath("default.yaml")), Path.GetFullPath(HardwareSpecLoader.DefaultSpecPath));
        }
        finally
        {
            Directory.SetCurrentDirectory(before);
        }
    }
}
