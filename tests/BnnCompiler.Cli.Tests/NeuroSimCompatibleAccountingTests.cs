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
        { "ns-mlp1", 3, 1.00, 0.99, 0.99, 0.98 },
        { "ns-mlp1", 5, 1.00, 0.99, 0.99, 0.98 },
        { "ns-mlp1", 8, 1.00, 0.99, 0.99, 0.98 },
        { "ns-mlp2", 3, 1.00, 1.00, 0.99, 1.03 },
        { "ns-mlp2", 5, 1.00, 1.00, 0.99, 1.02 },
        { "ns-mlp2", 8, 1.00, 1.00, 1.00, 1.00 },
        { "ns-mlp3", 3, 1.00, 0.99, 0.99, 0.98 },
        { "ns-mlp3", 5, 1.00, 0.99, 0.99, 0.98 },
        { "ns-mlp3", 8, 1.00, 0.99, 0.99, 0.98 },
        { "ns-cnn1", 3, 1.00, 0.99, 0.99, 0.99 },
        { "ns-cnn1", 5, 1.00, 0.99, 0.99, 0.99 },
        { "ns-cnn1", 8, 1.00, 0.99, 0.99, 0.99 },
        { "ns-cnn2", 3, 1.00, 0.99, 0.99, 0.99 },
        { "ns-cnn2", 5, 1.00, 0.99, 0.99, 0.99 },
        { "ns-cnn2", 8, 1.00, 0.99, 0.99, 0.99 },
        { "ns-cnn3", 3, 1.00, 0.97, 0.99, 0.97 },
        { "ns-cnn3", 5, 1.00, 0.96, 0.99, 0.96 },
        { "ns-cnn3", 8, 1.00, 0.96, 0.99, 0.95 },
        { "ns-cnn4", 3, 1.00, 0.99, 0.99, 0.99 },
        { "ns-cnn4", 5, 1.00, 0.99, 0.99, 0.99 },
        { "ns-cnn4", 8, 1.00, 0.99, 0.99, 0.99 },
        { "ns-cnn5", 3, 1.00, 0.99, 0.99, 0.99 },
        { "ns-cnn5", 5, 1.00, 0.99, 0.99, 0.99 },
        { "ns-cnn5", 8, 1.00, 0.99, 0.99, 1.00 },
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

        Assert.Equal(area, r["area chip"], 0.01);
        Assert.Equal(latency, r["latency pipelined, per image"], 0.015);
        Assert.Equal(dynamic, r["energy dynamic"], 0.015);
        Assert.Equal(leakage, r["energy leakage"], 0.015);
        foreach (var bucket in new[] { "CIM array", "interconnect", "ADC", "accumulation", "other peripherals" })
        {
            // The area is NeuroSim's layout of its floorplan (NeuroSimArea): every bucket within 2 %.
            Assert.InRange(r["area " + bucket], 0.98, 1.02);
        }

        foreach (var headline in new[] { "area chip", "latency pipelined, per image", "energy dynamic", "energy leakage" })
        {
            // The bar (docs/cost-model.md): every headline figure within ±10 % of NeuroSim V1.3 at every recorded point.
            Assert.InRange(r[headline], 0.9, 1.1);
        }

        Assert.InRange(r["latency interconnect"], 0.98, 1.02);
        foreach (var part in new[] { "energy ADC (with cell reads)", "energy buffer", "energy interconnect" })
        {
            // The energy buckets NeuroSim's counting rules and circuit figures set: within 2 % at every point.
            Assert.InRange(r[part], 0.98, 1.02);
        }

        Assert.Equal(dominant.Item1.NeuroSim, dominant.Item1.Ours);
        Assert.Equal(dominant.Item2.NeuroSim, dominant.Item2.Ours);
        Assert.Equal(dominant.Item3.NeuroSim, dominant.Item3.Ours);

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
        var (spec, mapping, plan) = CompatiblePlan("ns-cnn1", 3);
        var (counts, timing) = NeuroSimActivity.Estimate(mapping, plan, ActivityAssumptions.Default);

        // NeuroSim's floorplan (its printout): 512-cell tiles of 2 × 2 PEs of 256 cells; tiles 1 2 13 2, speed-up 16 4 1 4.
        Assert.Equal((512, 256, 2), (plan.TileSideCells, plan.PeSideCells, plan.PesPerSide));
        Assert.Equal([1, 2, 13, 2], plan.Layers.Select(l => l.Tiles));
        Assert.Equal([16, 4, 1, 4], plan.Layers.Select(l => l.SpeedUp));
        Assert.Equal(7, NeuroSimActivity.WordBits(plan, spec)); // 3 ADC bits + 1 input bit + 2 + log2(256 / 128)

        // conv1 (28,28,2,3,3,32, pooled): W = 26² = 676 windows, K = 18, N = 32, one tile, S = 16. Global bus: 18 tiles ·
        // (512 + 64) = 10,368 bits, halved to 1,296; global buffer: Σ H·W·C / 2 = 10,704 bits, one 128 × 128 core.
        // Tile buffers: 2 · 18·676 / 256 + 2 · 32·8·676 / 14 = 95.06 + 24,722.29; global buffer: (18·676 + 32·676/4) / 128
        // lines · ⌈18 / 1⌉ = 137.31 · 18 = 2,471.63; PE flip-flops (its 16 copies fill the tile's PEs, so one PE holds
        // the block, shared among the 4 PE slots): (18·676 / 128 + 32·6·676 / (16·6)) / 4 = 361.77; in all 27,650.74 →
        // 27,651 cycles. H-tree: ⌈(12,168 + 173,056) / 256⌉
        // = 724 tile transfers of one cycle (the wire from the tile's root to a PE 160.7 µm a side: 0.18 ns, one 1-ns tree cycle)
        // + ⌈17,576 / 1,296⌉ = 14 global ones of two (5 × 4 tiles 325.3 µm a side: stages of 4, 2 and 1 tile sides each
        // way and a main bus of 2, 16 sides of wire at 0.377 ns/mm, 1.96 ns): 752 cycles (NeuroSim prints 1,451.6 ns,
        // 751.5 cycles of 1.932 ns: it does not round the tile transfers up). Crossbar: ⌈676 / 16⌉ = 43 reads.
        var conv1 = timing.Layers[0];
        Assert.Equal(27_651, conv1.BufferCycles);
        Assert.Equal(752, conv1.InterconnectCycles);
        Assert.Equal(43, conv1.CrossbarCycles);
        Assert.Equal(12_168 + 173_056, counts.Layers[0][ChipActions.TileBufferRead]);
        Assert.Equal(12_168, counts.Layers[0][ChipActions.GlobalLinkDown]);
        Assert.Equal(5_408, counts.Layers[0][ChipActions.GlobalLinkUp]);

        // conv2 (14,14,64,3,3,64, pooled): W = 144, K = 576, N = 64 on 2 tiles (K_t = 512): 2 · 512·144 / 256 +
        // 2 · 64·8·144 / 14 + (576·144 + 64·144/4) / 128 · ⌈18 / 2⌉ = 576 + 10,532.57 + 5,994, and its largest PE
        // block's flip-flops (256 × 64, S = 4): (256·144 / 128 + 64·6·144 / 96) / 4 = 216 → 17,319 cycles. Its energy:
        // the matrix's two row blocks (512 and 64 rows) once each with every window, the copies adding none:
        // 576·144 bits in, 2 · 64·8·144 out.
        Assert.Equal(17_319, timing.Layers[1].BufferCycles);
        Assert.Equal((576 * 144) + (2 * 64 * 8 * 144), counts.Layers[1][ChipActions.TileBufferRead]);
        Assert.Equal(2 * 64 * 8 * 144, counts.Layers[1][ChipActions.TileLinkUp]);
    }

    [Fact]
    public void Should_Charge_NsCnn1s_Reads_Buffers_Interconnect_And_Leakage_As_Its_NeuroSim_Printout_Does()
    {
        var (spec, mapping, plan) = CompatiblePlan("ns-cnn1", 3);
        var printout = File.ReadAllText(Path.Combine(NeuroSimOracle.Folder, "ns-cnn1-adc3.printout.txt"));
        double Printed(int layer, string what) => double.Parse(
            Regex.Match(printout, $@"layer{layer}'s {what} readDynamicEnergy is: ([0-9.e+]+)pJ").Groups[1].Value, CultureInfo.InvariantCulture);

        // Given NeuroSim's own tile side in this run (325.27 µm, the leaf side of its chip H-tree; Data/NeuroSimV13/README.md),
        // its buffer and interconnect energy per layer follow from the bits it moves and its circuit figures.
        double bufferSum = 0, printedBufferSum = 0, wireSum = 0, printedWireSum = 0;
        for (var i = 0; i < plan.Layers.Count; i++)
        {
            var (buffer, wire) = NeuroSimTransferEnergy.Of(plan.Layers[i], plan, spec, 1, (160.699, 325.267), NeuroSimActivity.GlobalBusBits(plan, spec));
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
    public void Should_Time_The_Adder_Trees_As_NeuroSim_Does()
    {
        var (spec, mapping, plan) = CompatiblePlan("ns-mlp3", 8);
        var (_, timing) = NeuroSimActivity.Estimate(mapping, plan, ActivityAssumptions.Default);

        // fc1 (6,144 × 512 cells on 12 × 1 tiles of 512, one window, no copies): its PEs add 2 subarray rows of 11 bits,
        // 8 reads of one 0.69 ns stage: 8 cycles; its tiles add their 2 PE rows of 12 bits: 8 cycles; the chip adds the
        // 12 row tiles, ⌈512 / 64⌉ = 8 reads of 4 stages of 15–18 bits (0.94, 1.01, 1.07, 1.13 ns: 1 + 2 + 2 + 2 cycles):
        // 56 cycles. 72 cycles of 3.02 ns: the 217.44 ns NeuroSim prints for the layer.
        Assert.Equal(72, timing.Layers[0].AccumulationCycles);
        var run = NeuroSimOracle.All.Single(o => o.Network == "ns-mlp3" && o.AdcBits == 8);
        Assert.Equal(run["accum_latency_ns"], 72 * run["clock_ns"], 0.01);
        Assert.Equal(7, NeuroSimAccumulation.TreeCycles(12, 15));
        Assert.Equal(1, NeuroSimAccumulation.TreeCycles(2, 11));
        Assert.Equal(0, NeuroSimAccumulation.TreeCycles(1, 11));
    }

    [Fact]
    public void Should_Time_A_Transfer_By_NeuroSims_Repeated_Wire()
    {
        // NeuroSim V1.3's H-tree delays for ns-mlp1 at ADC 8 (Data/NeuroSimV13/README.md): tile tree over 2 × 2 PEs of
        // 578.834 µm 0.655152 ns, chip tree over 3 × 3 tiles of 1,160.71 µm 2.95898 ns (its two 2,321 µm stages on the
        // wider wire); at ADC 3 (160.699 and 325.267 µm) 0.181887 and 0.859023 ns. Cycles: ⌈delay / 1 ns⌉.
        Assert.Equal(0.655152, NeuroSimHTree.DelayNs(2, 2, 578.834, 578.834), 4);
        Assert.Equal(2.95898, NeuroSimHTree.DelayNs(3, 3, 1160.71, 1160.71), 4);
        Assert.Equal(0.181887, NeuroSimHTree.DelayNs(2, 2, 160.699, 160.699), 4);
        Assert.Equal(0.859023, NeuroSimHTree.DelayNs(3, 3, 325.267, 325.267), 4);
        Assert.Equal(3, NeuroSimHTree.CyclesPerTransfer(3, 3, 1160.71, 1160.71));
        Assert.Equal(1, NeuroSimHTree.CyclesPerTransfer(2, 2, 578.834, 578.834));

        // Its H-tree areas in the same runs: the tile tree 5,704.98 and 1,583.85 µm² (a main bus of 256 repeaters folded 16
        // times), the chip tree 476,554 and 133,546 µm² (a 1,152-bit bus folded 4 times).
        Assert.Equal(1, NeuroSimHTree.AreaUm2(2, 2, 578.834, 578.834, 256, 16) / 5704.98, 3);
        Assert.Equal(1, NeuroSimHTree.AreaUm2(2, 2, 160.699, 160.699, 256, 16) / 1583.85, 3);
        Assert.Equal(1, NeuroSimHTree.AreaUm2(3, 3, 1160.71, 1160.71, 1152, 4) / 476554, 3);
        Assert.Equal(1, NeuroSimHTree.AreaUm2(3, 3, 325.267, 325.267, 1152, 4) / 133546, 3);
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
            [3] = (32.73, 2.02, 32.27, 1.13, 0.97, 1.00),
            [4] = (37.7, 2.05, 34.5, 1.20, 0.97, 1.02),
            [5] = (47.4, 2.13, 38.5, 1.30, 0.97, 1.05),
            [6] = (73.5, 2.29, 47.2, 1.37, 0.97, 1.08),
            [7] = (132, 2.6, 63.5, 1.40, 0.97, 1.10),
            [8] = (315.95, 3.41, 102.32, 1.33, 0.98, 1.09),
        };
        var measured = study.Select(p =>
        {
            var (adc, s) = (p.Key, p.Value);
            var ours = Price(graph, adc, CostAccounting.NeuroSimV13);
            var (area, latency, energy) = (ours.Cost.AreaMm2.Total / s.Area, ours.Cost.LatencyMs.Total / s.Latency, ours.Cost.EnergyUj.Dynamic / s.Energy);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {adc} | {ours.Cost.AreaMm2.Total:G3} / {s.Area} ({area:F2}) | {ours.Cost.LatencyMs.Total:G3} / {s.Latency} ({latency:F2}) | {ours.Cost.EnergyUj.Dynamic:G3} / {s.Energy} ({energy:F2}) | {ours.Bottleneck.AreaComponent} / {ours.Bottleneck.LatencyComponent} / {ours.Bottleneck.EnergyComponent} |"));
            var recorded = NeuroSimOracle.BResNet18.SingleOrDefault(o => o.AdcBits == adc);
            if (recorded is not null)
            {
                // NeuroSim V1.3 on the export (bresnet18.tsv, ADC 3 and 8): the area is its layout within 1 %, its
                // latency and dynamic energy within 5 %; the study's area is 1.13–1.33 of NeuroSim V1.3's own.
                Assert.Equal(1, ours.Cost.AreaMm2.Total * 1e6 / recorded["chip_area_um2"], 0.01);
                Assert.Equal(1, ours.Cost.LatencyMs.Total * 1e6 / recorded["latency_ns"], 0.05);
                Assert.Equal(1, ours.Cost.EnergyUj.Dynamic * 1e6 / recorded["dynamic_energy_pj"], 0.05);
            }

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

    /// <summary>A comparison network mapped at 1-bit inputs and <paramref name="adcBits"/> under the compatible accounting, with NeuroSim's floorplan.</summary>
    private (HardwareSpec Spec, ChipMapping Mapping, NeuroSimChipPlan Plan) CompatiblePlan(string network, int adcBits)
    {
        var graph = ComparisonNetwork(network);
        var spec = HardwareSpecLoader.Load(HardwareSpecLoader.DefaultSpecPath, ["readout.input_bits=1", $"readout.adc_bits={adcBits}", "cost.accounting=neurosim_v1_3"]);
        var mapping = CrossbarMapper.Map(graph, spec);
        return (spec, mapping, NeuroSimAccounting.Plan(graph, mapping));
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
