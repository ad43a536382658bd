using System.Globalization;
using System.Text.RegularExpressions;
using BnnCompiler.Circuits.Activity;
using BnnCompiler.Circuits.Activity.NeuroSim;
using BnnCompiler.CostModel.Report;
using BnnCompiler.Evaluation.NeuroSim;
using BnnCompiler.Hardware;
using BnnCompiler.Mapping;
using BnnCompiler.Onnx;
using BnnCompiler.Zoo;
using Xunit.Abstractions;

namespace BnnCompiler.Cli.Tests;

/// <summary>
/// The NeuroSim-compatible accounting (<c>cost.accounting: neurosim_v1_3</c>) against the recorded NeuroSim V1.3 runs,
/// one case per network and ADC resolution: the chip area, pipelined latency, dynamic energy and leakage ratios
/// (ours / NeuroSim's) are the ones docs/cost-model.md states, the dominant area and latency components agree with
/// NeuroSim's, and the points within ±10 % are the ones the docs list. Figures that miss are pinned as measured,
/// not hidden. BResNet18 is held against the study's Tables IV–VI.
/// </summary>
public sealed class NeuroSimCompatibleAccountingTests(ITestOutputHelper log, GeneratedNetworkFolder networks) : IClassFixture<GeneratedNetworkFolder>
{

    /// <summary>docs/cost-model.md, "The NeuroSim-compatible accounting": chip area, pipelined latency, dynamic energy,
    /// leakage, ours / NeuroSim V1.3.</summary>
    public static TheoryData<string, int, double, double, double, double> Measured => new()
    {
        { "ns-mlp1", 3, 0.92, 0.97, 1.00, 0.96 },
        { "ns-mlp1", 5, 0.95, 0.96, 1.00, 0.95 },
        { "ns-mlp1", 8, 0.93, 0.96, 0.99, 0.97 },
        { "ns-mlp2", 3, 0.80, 0.97, 0.98, 0.98 },
        { "ns-mlp2", 5, 0.89, 0.96, 0.99, 0.97 },
        { "ns-mlp2", 8, 0.94, 0.91, 0.99, 0.91 },
        { "ns-mlp3", 3, 0.85, 0.94, 0.99, 0.90 },
        { "ns-mlp3", 5, 0.89, 0.93, 0.99, 0.90 },
        { "ns-mlp3", 8, 0.91, 0.90, 0.99, 0.86 },
        { "ns-cnn1", 3, 0.81, 0.98, 0.99, 0.98 },
        { "ns-cnn1", 5, 0.86, 0.98, 0.99, 0.98 },
        { "ns-cnn1", 8, 0.90, 0.98, 0.99, 0.98 },
        { "ns-cnn2", 3, 0.88, 0.98, 0.99, 0.98 },
        { "ns-cnn2", 5, 0.92, 0.97, 0.99, 0.98 },
        { "ns-cnn2", 8, 0.92, 0.97, 0.98, 0.98 },
        { "ns-cnn3", 3, 0.87, 0.94, 0.90, 0.94 },
        { "ns-cnn3", 5, 0.91, 0.92, 0.92, 0.91 },
        { "ns-cnn3", 8, 0.92, 0.86, 0.97, 0.86 },
        { "ns-cnn4", 3, 0.88, 0.98, 0.99, 0.98 },
        { "ns-cnn4", 5, 0.91, 0.97, 0.99, 0.98 },
        { "ns-cnn4", 8, 0.92, 0.97, 0.99, 0.99 },
        { "ns-cnn5", 3, 0.88, 0.98, 0.93, 0.98 },
        { "ns-cnn5", 5, 0.91, 0.98, 0.94, 0.98 },
        { "ns-cnn5", 8, 0.92, 0.97, 0.97, 0.98 },
    };

    [Theory]
    [MemberData(nameof(Measured))]
    public void Should_Charge_As_NeuroSim_V1_3_Within_The_Documented_Ratios(string network, int adcBits, double area, double latency, double dynamic, double leakage)
    {
        var run = NeuroSimOracle.All.Single(o => o.Network == network && o.AdcBits == adcBits);
        var ours = Price(ComparisonNetwork(network), adcBits, CostAccounting.NeuroSimV13);
        var figures = run.Figures();
        var r = NeuroSimComparison.Rows(ours, figures).ToDictionary(x => $"{x.Quantity} {x.Component}", x => x.Ratio);
        var dominant = (NeuroSimComparison.DominantArea(ours, figures), NeuroSimComparison.DominantLatency(ours, figures), NeuroSimComparison.DominantEnergy(ours, figures));
        log.WriteLine(DocsRow(network, adcBits, r, dominant));

        Assert.Equal(area, r["area chip"], 0.015);
        Assert.Equal(latency, r["latency pipelined, per image"], 0.015);
        Assert.Equal(dynamic, r["energy dynamic"], 0.015);
        Assert.Equal(leakage, r["energy leakage"], 0.03);
        Assert.Equal(dominant.Item1.NeuroSim, dominant.Item1.Ours);
        Assert.Equal(dominant.Item2.NeuroSim, dominant.Item2.Ours);
        if (network != "ns-mlp3" || adcBits != 8)
        {
            // docs/cost-model.md: only on ns-mlp3 at ADC 8 do the two lead with different parts (our ADC, its interconnect,
            // each within 1 % of NeuroSim's figure).
            Assert.Equal(dominant.Item3.NeuroSim, dominant.Item3.Ours);
        }

        // The area is NeuroSim's floorplan: every layer's share of it is its share of NeuroSim's tiles.
        var tiles = run.Fields["tiles_per_layer"].Split(' ').Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(tiles.Count, ours.Layers.Count);
        for (var i = 0; i < tiles.Count; i++)
        {
            Assert.Equal((double)tiles[i] / tiles.Sum(), ours.Layers[i].AreaMm2.Total / ours.Cost.AreaMm2.Total, 9);
        }
    }

    [Fact]
    public void Should_Count_The_First_Layers_Of_NsCnn1_As_Worked_Out_By_Hand()
    {
        var graph = ComparisonNetwork("ns-cnn1");
        var spec = HardwareSpecLoader.Load(HardwareSpecLoader.DefaultSpecPath, ["readout.input_bits=1", "readout.adc_bits=3", "cost.accounting=neurosim_v1_3"]);
        var mapping = CrossbarMapper.Map(graph, spec);
        var plan = NeuroSimAccounting.Plan(graph, mapping);
        var (counts, timing) = NeuroSimActivity.Estimate(mapping, plan, ActivityAssumptions.Default);

        // NeuroSim's floorplan (its printout): 512-cell tiles of 2 × 2 PEs of 256 cells; tiles 1 2 13 2, speed-up 16 4 1 4.
        Assert.Equal((512, 256, 2), (plan.TileSideCells, plan.PeSideCells, plan.PesPerSide));
        Assert.Equal([1, 2, 13, 2], plan.Layers.Select(l => l.Tiles));
        Assert.Equal([16, 4, 1, 4], plan.Layers.Select(l => l.SpeedUp));
        Assert.Equal(7, NeuroSimActivity.WordBits(plan, spec)); // 3 ADC bits + 1 input bit + 2 + log2(256 / 128)

        // conv1 (28,28,2,3,3,32, pooled): W = 26² = 676 windows, K = 18, N = 32, one tile, S = 16. Global bus: 18 tiles ·
        // (512 + 64) = 10,368 bits, halved to 1,296; global buffer: Σ H·W·C / 2 = 10,704 bits, one 128 × 128 core.
        // Tile buffers: 2 · 18·676 / 256 + 2 · 32·8·676 / 14 = 95.06 + 24,722.29; global buffer: (18·676 + 32·676/4) / 128
        // lines · ⌈18 / 1⌉ = 137.31 · 18 = 2,471.63; in all 27,288.97 → 27,289 cycles. H-tree: ⌈(12,168 + 173,056) / 256⌉
        // = 724 tile transfers + ⌈17,576 / 1,296⌉ = 14 global ones. Crossbar: ⌈676 / 16⌉ = 43 reads.
        var conv1 = timing.Layers[0];
        Assert.Equal(27_289, conv1.BufferCycles);
        Assert.Equal(738, conv1.InterconnectCycles);
        Assert.Equal(43, conv1.CrossbarCycles);
        Assert.Equal(12_168 + 173_056, counts.Layers[0][ChipActions.TileBufferRead]);
        Assert.Equal(12_168, counts.Layers[0][ChipActions.GlobalLinkDown]);
        Assert.Equal(5_408, counts.Layers[0][ChipActions.GlobalLinkUp]);

        // conv2 (14,14,64,3,3,64, pooled): W = 144, K = 576, N = 64 on 2 tiles (K_t = 512): 2 · 512·144 / 256 +
        // 2 · 64·8·144 / 14 + (576·144 + 64·144/4) / 128 · ⌈18 / 2⌉ = 576 + 10,532.57 + 5,994 → 17,103 cycles. Its energy:
        // the matrix's two row blocks (512 and 64 rows) once each with every window, the copies adding none:
        // 576·144 bits in, 2 · 64·8·144 out.
        Assert.Equal(17_103, timing.Layers[1].BufferCycles);
        Assert.Equal((576 * 144) + (2 * 64 * 8 * 144), counts.Layers[1][ChipActions.TileBufferRead]);
        Assert.Equal(2 * 64 * 8 * 144, counts.Layers[1][ChipActions.TileLinkUp]);
    }

    [Fact]
    public void Should_Charge_NsCnn1s_Reads_Buffers_Interconnect_And_Leakage_As_Its_NeuroSim_Printout_Does()
    {
        var graph = ComparisonNetwork("ns-cnn1");
        var spec = HardwareSpecLoader.Load(HardwareSpecLoader.DefaultSpecPath, ["readout.input_bits=1", "readout.adc_bits=3", "cost.accounting=neurosim_v1_3"]);
        var mapping = CrossbarMapper.Map(graph, spec);
        var plan = NeuroSimAccounting.Plan(graph, mapping);
        var printout = File.ReadAllText(Path.Combine(NeuroSimOracle.Folder, "ns-cnn1-adc3.printout.txt"));
        double Printed(int layer, string what) => double.Parse(
            Regex.Match(printout, $@"layer{layer}'s {what} readDynamicEnergy is: ([0-9.e+]+)pJ").Groups[1].Value, CultureInfo.InvariantCulture);

        // Given NeuroSim's own tile side in this run (325.27 µm, the leaf side of its chip H-tree; Data/NeuroSimV13/README.md),
        // its buffer and interconnect energy per layer follow from the bits it moves and its circuit figures.
        double bufferSum = 0, printedBufferSum = 0, wireSum = 0, printedWireSum = 0;
        for (var i = 0; i < plan.Layers.Count; i++)
        {
            var (buffer, wire) = NeuroSimTransferEnergy.Of(plan.Layers[i], plan, spec, 1, 325.267, NeuroSimActivity.GlobalBusBits(plan, spec));
            var (printedBuffer, printedWire) = (Printed(i + 1, "buffer"), Printed(i + 1, "ic"));
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"layer {i + 1}: buffer {buffer:F1} / {printedBuffer} pJ, interconnect {wire:F1} / {printedWire} pJ"));
            Assert.Equal(1, buffer / printedBuffer, 0.08);
            Assert.Equal(1, wire / printedWire, 0.02);
            (bufferSum, printedBufferSum, wireSum, printedWireSum) = (bufferSum + buffer, printedBufferSum + printedBuffer, wireSum + wire, printedWireSum + printedWire);
        }

        Assert.Equal(1, bufferSum / printedBufferSum, 0.005);
        Assert.Equal(1, wireSum / printedWireSum, 0.01);

        // Its cell-read and sense energy (NeuroSim's ADC bucket) per layer: within 2 %, 1 % in all (the sense figures are
        // straight lines through the reads of this run's first and third layers, 9 and 64 rows driven).
        var adcPrinted = Regex.Matches(printout, @"ADC \(or S/As and precharger for SRAM\) readDynamicEnergy is : ([0-9.e+]+)pJ")
            .Select(x => double.Parse(x.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        var reads = plan.Layers.Select(l => NeuroSimReadEnergy.Of(l, plan, spec, 1).AdcPj).ToList();
        for (var i = 0; i < plan.Layers.Count; i++)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"layer {i + 1}: cell read and sense {reads[i]:F1} / {adcPrinted[i]} pJ"));
            Assert.Equal(1, reads[i] / adcPrinted[i], 0.02);
        }

        Assert.Equal(1, reads.Sum() / adcPrinted[plan.Layers.Count], 0.01);

        // Its leakage power per layer: the tiles times the tile of the last row block (1.1126 µW a full tile, 1.0096 where
        // the last PE adds one subarray row and its adder tree leaks nothing).
        for (var i = 0; i < plan.Layers.Count; i++)
        {
            var printed = double.Parse(Regex.Match(printout, $@"layer{i + 1}'s leakagePower is: ([0-9.e+]+)uW").Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.Equal(1, NeuroSimLeakage.LayerUw(plan.Layers[i], plan, spec, 1) / printed, 0.005);
        }
    }

    [Fact]
    public void Should_Leave_The_Default_Accounting_Unchanged_And_Close_The_Latency_Gap()
    {
        var graph = ComparisonNetwork("ns-cnn1");
        var run = NeuroSimOracle.All.Single(o => o.Network == "ns-cnn1" && o.AdcBits == 8);
        var physical = Price(graph, 8, CostAccounting.Physical);
        var compatible = Price(graph, 8, CostAccounting.NeuroSimV13);

        // docs/cost-model.md: the default accounting's latency on ns-cnn1 at ADC 8 is 0.23 of NeuroSim's (engine).
        Assert.Equal(0.23, physical.Cost.LatencyMs.Total * 1e6 / run["latency_ns"], 0.015);
        Assert.Equal(0.99, compatible.Cost.LatencyMs.Total * 1e6 / run["latency_ns"], 0.015);

        // The compatible accounting runs at NeuroSim's clock (its sensing path); the physical one keeps its own, 1.01 of it at ADC 8.
        Assert.Equal(run["clock_ns"], compatible.ClockPeriodNs, 1e-4);
        Assert.Equal(1.01, physical.ClockPeriodNs / run["clock_ns"], 0.005);
        Assert.Contains("NeuroSim V1.3", compatible.TimingSource, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Price_BResNet18_Against_The_Studys_Tables()
    {
        var path = Path.Combine(networks.Path, "bresnet18.onnx");
        if (!File.Exists(path))
        {
            ImageNetZoo.Generate("bresnet18", 0, path);
        }

        var graph = OnnxFrontend.Load(path).Graph;

        // STUDY.md Tables IV–VI (docs/cost-model.md): chip area mm², latency ms, dynamic energy µJ at ADC 3–8; and the
        // ratios docs/cost-model.md states for the NeuroSim-compatible accounting.
        var study = new Dictionary<int, (double Area, double Latency, double Energy, double AreaRatio, double LatencyRatio, double EnergyRatio)>
        {
            [3] = (32.73, 2.02, 32.27, 0.81, 0.94, 0.96),
            [4] = (37.7, 2.05, 34.5, 0.91, 0.93, 0.99),
            [5] = (47.4, 2.13, 38.5, 1.07, 0.93, 1.03),
            [6] = (73.5, 2.29, 47.2, 1.18, 0.92, 1.06),
            [7] = (132, 2.6, 63.5, 1.29, 0.91, 1.10),
            [8] = (315.95, 3.41, 102.32, 1.22, 0.85, 1.09),
        };
        var measured = study.Select(p =>
        {
            var (adc, s) = (p.Key, p.Value);
            var ours = Price(graph, adc, CostAccounting.NeuroSimV13);
            var (area, latency, energy) = (ours.Cost.AreaMm2.Total / s.Area, ours.Cost.LatencyMs.Total / s.Latency, ours.Cost.EnergyUj.Dynamic / s.Energy);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {adc} | {ours.Cost.AreaMm2.Total:G3} / {s.Area} ({area:F2}) | {ours.Cost.LatencyMs.Total:G3} / {s.Latency} ({latency:F2}) | {ours.Cost.EnergyUj.Dynamic:G3} / {s.Energy} ({energy:F2}) | {ours.Bottleneck.AreaComponent} / {ours.Bottleneck.LatencyComponent} / {ours.Bottleneck.EnergyComponent} |"));
            return (s, area, latency, energy);
        }).ToList();
        foreach (var (s, area, latency, energy) in measured)
        {
            Assert.Equal(s.AreaRatio, area, 0.015);
            Assert.Equal(s.LatencyRatio, latency, 0.015);
            Assert.Equal(s.EnergyRatio, energy, 0.015);
        }
    }

    [Fact]
    public void Should_Refuse_A_Network_NeuroSim_Refuses_With_A_Diagnostic()
    {
        // fmnist-cnn's widest layer has 256 columns: NeuroSim V1.3 stops with "SubArray Size is too large".
        var model = BnnCompiler.Testing.RepoPaths.Require(BnnCompiler.Testing.RepoPaths.Repo("onnx-models/fmnist-cnn.onnx"));
        CliRun.Of("cost", model, "--set", "cost.accounting=neurosim_v1_3").ShouldFailWith("BNN8004", "256 columns", "cost.accounting physical");
        Assert.Equal(0, CliRun.Of("cost", model, "--set", "cost.accounting=physical").ExitCode);
        CliRun.Of("cost", model, "--set", "cost.accounting=neurosim").ShouldFailWith("BNN2007", "physical", "neurosim_v1_3");
    }

    private static CostReport Price(BnnCompiler.Core.Ir.IrGraph graph, int adcBits, CostAccounting accounting)
    {
        var name = accounting == CostAccounting.Physical ? "physical" : "neurosim_v1_3";
        var spec = HardwareSpecLoader.Load(HardwareSpecLoader.DefaultSpecPath, ["readout.input_bits=1", $"readout.adc_bits={adcBits}", $"cost.accounting={name}"]);
        return BnnCompiler.Evaluation.DatasetFreeCost.Estimate(CrossbarMapper.Map(graph, spec), graph: graph);
    }

    private BnnCompiler.Core.Ir.IrGraph ComparisonNetwork(string network)
    {
        var path = Path.Combine(networks.Path, network + ".onnx");
        lock (networks)
        {
            if (!File.Exists(path))
            {
                ComparisonZoo.Generate(network, 7, path);
            }
        }

        return OnnxFrontend.Load(path).Graph;
    }

    private static string DocsRow(string network, int adc, Dictionary<string, double> r,
        ((string Ours, string NeuroSim) Area, (string Ours, string NeuroSim) Latency, (string Ours, string NeuroSim) Energy) d)
    {
        string F(string key) => r[key].ToString("F2", CultureInfo.InvariantCulture);
        return $"| {network} | {adc} | {F("area chip")} | {F("area ADC")} | {F("area other peripherals")} | {F("area interconnect")} | {F("clock period")} | "
            + $"{F("latency pipelined, per image")} | {F("latency buffer")} | {F("latency interconnect")} | {F("energy dynamic")} | {F("energy buffer")} | "
            + $"{F("energy interconnect")} | {F("energy ADC (with cell reads)")} | {F("energy leakage")} | {d.Energy.Ours} / {d.Energy.NeuroSim} |";
    }
}
