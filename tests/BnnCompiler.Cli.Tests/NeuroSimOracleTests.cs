using BnnCompiler.Evaluation.NeuroSim;
using BnnCompiler.Hardware;
using BnnCompiler.Mapping;
using BnnCompiler.Onnx;
using BnnCompiler.Zoo;

namespace BnnCompiler.Cli.Tests;

/// <summary>
/// The recorded NeuroSim V1.3 runs: eight comparison networks at ADC 3, 5 and 8; the export of each network reproduces
/// the NetWork.csv the run read; NeuroSim's printout reader gives the recorded figures; <c>bnnc cost --compare-neurosim</c>
/// sets both side by side.
/// </summary>
public sealed class NeuroSimOracleTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bnnc-neurosim-oracle-").FullName;

    public static TheoryData<string> Networks => new(ComparisonZoo.Names);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Should_Hold_Every_Comparison_Network_At_Adc_3_5_And_8_With_Buckets_That_Add_Up()
    {
        Assert.Equal(ComparisonZoo.Names.Count * 3, NeuroSimOracle.All.Count);
        Assert.True(ComparisonZoo.Names.Count >= 8);
        foreach (var name in ComparisonZoo.Names)
        {
            var runs = NeuroSimOracle.All.Where(o => o.Network == name).OrderBy(o => o.AdcBits).ToList();
            Assert.Equal([3, 5, 8], runs.Select(r => r.AdcBits));
            foreach (var r in runs)
            {
                var buckets = r["array_area_um2"] + r["ic_area_um2"] + r["adc_area_um2"] + r["accum_area_um2"] + r["other_area_um2"];
                Assert.Equal(r["chip_area_um2"], buckets, r["chip_area_um2"] * 1e-4);
                var energy = r["adc_energy_pj"] + r["accum_energy_pj"] + r["other_energy_pj"];
                Assert.Equal(r["dynamic_energy_pj"], energy, r["dynamic_energy_pj"] * 1e-4);
            }

            Assert.True(runs[0]["adc_area_um2"] < runs[1]["adc_area_um2"] && runs[1]["adc_area_um2"] < runs[2]["adc_area_um2"], name);
            Assert.True(runs[0]["clock_ns"] < runs[2]["clock_ns"], name);
        }
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Should_Export_The_Network_File_The_Recorded_Run_Read(string network)
    {
        var path = Path.Combine(_folder, network + ".onnx");
        ComparisonZoo.Generate(network, 7, path);
        var graph = OnnxFrontend.Load(path).Graph;
        var spec = HardwareSpecLoader.Load(HardwareSpecLoader.DefaultSpecPath, ["readout.input_bits=1"]);
        var rows = NeuroSimNetwork.Rows(graph, CrossbarMapper.Map(graph, spec)).Select(r => r.ToCsvLine());
        foreach (var run in NeuroSimOracle.All.Where(o => o.Network == network))
        {
            Assert.Equal(run.NetworkRows, rows);
        }
    }

    [Fact]
    public void Should_Predict_The_Tiles_And_Speed_Up_NeuroSim_Gave_Every_Layer()
    {
        foreach (var run in NeuroSimOracle.All)
        {
            var rows = run.NetworkRows.Select((line, i) => NeuroSimLayerRow.Parse(line, $"layer{i + 1}")).ToList();
            var plan = NeuroSimFloorplan.Plan(rows, 128, 128, 8);
            Assert.NotNull(plan);
            Assert.Equal(run.Fields["tiles_per_layer"], string.Join(" ", plan.TilesPerLayer));
            Assert.Equal(run.Fields["speedup_per_layer"], string.Join(" ", plan.SpeedUpPerLayer));
        }

        // The printout's floorplan lines of ns-cnn1: "Desired Conventional Mapped Tile Storage Size: 512x512", "PE ... 256x256".
        var cnn1 = NeuroSimOracle.All.First(o => o.Network == "ns-cnn1").NetworkRows.Select((l, i) => NeuroSimLayerRow.Parse(l, $"layer{i + 1}")).ToList();
        Assert.Equal((512, 256), (NeuroSimFloorplan.Plan(cnn1, 128, 128, 8)!.TileSize, NeuroSimFloorplan.Plan(cnn1, 128, 128, 8)!.PeSize));
        Assert.Null(NeuroSimFloorplan.Plan([NeuroSimLayerRow.Parse("1,1,1568,1,1,256,0,1", "fc")], 128, 128, 8));
    }

    [Fact]
    public void Should_Reproduce_The_Studys_Tables_When_NeuroSim_Runs_On_The_Export_Of_BResNet18()
    {
        var path = Path.Combine(_folder, "bresnet18.onnx");
        ImageNetZoo.Generate("bresnet18", 0, path);
        var graph = OnnxFrontend.Load(path).Graph;
        var spec = HardwareSpecLoader.Load(HardwareSpecLoader.DefaultSpecPath, ["readout.input_bits=1"]);
        var rows = NeuroSimNetwork.Rows(graph, CrossbarMapper.Map(graph, spec));
        var plan = NeuroSimFloorplan.Plan(rows, 128, 128, 8)!;

        // STUDY.md, Tables IV-VI (ADC 3, ADC 8): clock ns, latency ms, buffer latency ms, dynamic energy µJ, leakage µJ, FPS.
        var study = new Dictionary<int, double[]> { [3] = [1.96, 2.02, 1.86, 32.27, 0.51, 495.46], [8] = [3.05, 3.41, 2.78, 102.32, 4.06, 293.32] };
        foreach (var run in NeuroSimOracle.BResNet18)
        {
            Assert.Equal(run.NetworkRows, rows.Select(r => r.ToCsvLine()));
            Assert.Equal(run.Fields["tiles_per_layer"], string.Join(" ", plan.TilesPerLayer));
            Assert.Equal(run.Fields["speedup_per_layer"], string.Join(" ", plan.SpeedUpPerLayer));
            var t = study[run.AdcBits];
            Assert.Equal(1, run["clock_ns"] / t[0], 0.02);
            Assert.Equal(1, run["latency_ns"] / 1e6 / t[1], 0.02);
            Assert.Equal(1, run["buffer_latency_ns"] / 1e6 / t[2], 0.02);
            Assert.Equal(1, run["dynamic_energy_pj"] / 1e6 / t[3], 0.11);
            Assert.Equal(1, run["leakage_energy_pj"] / 1e6 / t[4], 0.02);
            Assert.Equal(1, run["fps"] / t[5], 0.02);
        }
    }

    [Fact]
    public void Should_Read_The_Recorded_Figures_From_NeuroSims_Printout()
    {
        var figures = NeuroSimOutputReader.Read(Path.Combine(NeuroSimOracle.Folder, "ns-cnn1-adc3.printout.txt"));
        var r = NeuroSimOracle.All.Single(o => o.Network == "ns-cnn1" && o.AdcBits == 3);
        Assert.Equal(r["chip_area_um2"] / 1e6, figures.ChipAreaMm2, 12);
        Assert.Equal(r["adc_area_um2"] / 1e6, figures.AdcAreaMm2, 12);
        Assert.Equal(r["other_area_um2"] / 1e6, figures.OtherAreaMm2, 12);
        Assert.Equal(r["clock_ns"], figures.ClockPeriodNs);
        Assert.Equal(r["latency_ns"], figures.LatencyNs);
        Assert.Equal(r["buffer_latency_ns"], figures.BufferLatencyNs);
        Assert.Equal(r["accum_latency_ns"], figures.AccumulationLatencyNs);
        Assert.Equal(r["dynamic_energy_pj"], figures.DynamicEnergyPj);
        Assert.Equal(r["ic_energy_pj"], figures.InterconnectEnergyPj);
        Assert.Equal(r["other_energy_pj"], figures.OtherEnergyPj);
        Assert.Equal(r["leakage_energy_pj"], figures.LeakageEnergyPj);
        Assert.Equal(r.Fields["tiles_per_layer"], string.Join(" ", figures.TilesPerLayer));
        Assert.Equal(r.Fields["speedup_per_layer"], string.Join(" ", figures.SpeedUpPerLayer));
    }

    [Fact]
    public void Should_Set_The_Cost_Report_Beside_NeuroSims_Figures()
    {
        var model = Path.Combine(_folder, "ns-cnn1.onnx");
        ComparisonZoo.Generate("ns-cnn1", 7, model);
        var printout = Path.Combine(NeuroSimOracle.Folder, "ns-cnn1-adc3.printout.txt");
        var run = CliRun.Of("cost", model, "--input-bits", "1", "--adc-bits", "3", "--latency", "analytical", "--compare-neurosim", printout);
        Assert.Equal(0, run.ExitCode);
        var chip = run.Output.Split('\n').Single(l => l.StartsWith("area      chip ", StringComparison.Ordinal));
        Assert.Contains(" 2.411 ", chip);
        Assert.Contains("latency   pipelined, per image", run.Output);
        Assert.Contains("5.617E+04", run.Output);
        Assert.Matches("dominant \\(physical\\): area .+ / other peripherals; latency .+ / buffer; energy .+ / ADC", run.Output);

        // Both accountings side by side: the physical (analytical) latency is a third of NeuroSim's, the NeuroSim-compatible one
        // 0.99 (docs/cost-model.md).
        var latency = run.Output.Split('\n').Single(l => l.StartsWith("latency   pipelined, per image", StringComparison.Ordinal));
        Assert.Matches(@" 0\.34 +0\.99\s*$", latency);
        Assert.Contains("dominant (neurosim_v1_3): area other peripherals / other peripherals; latency buffer / buffer; energy ADC / ADC", run.Output);
    }

    [Fact]
    public void Should_Reject_A_File_That_Is_Not_A_NeuroSim_Printout()
    {
        var model = Path.Combine(_folder, "ns-mlp1.onnx");
        ComparisonZoo.Generate("ns-mlp1", 7, model);
        var bogus = Path.Combine(_folder, "bogus.txt");
        File.WriteAllText(bogus, "ChipArea : 12um^2\n");
        CliRun.Of("cost", model, "--compare-neurosim", bogus).ShouldFailWith("BNN8003", bogus, "Summary");
        var truncated = Path.Combine(_folder, "truncated.txt");
        var text = File.ReadAllText(Path.Combine(NeuroSimOracle.Folder, "ns-cnn1-adc3.printout.txt"));
        File.WriteAllText(truncated, text[..text.IndexOf("Chip clock period", StringComparison.Ordinal)]);
        CliRun.Of("cost", model, "--compare-neurosim", truncated).ShouldFailWith("BNN8003", "Chip clock period");
        CliRun.Of("cost", model, "--compare-neurosim", Path.Combine(_folder, "absent.txt")).ShouldFailWith("BNN8003", "absent.txt");
    }
}
