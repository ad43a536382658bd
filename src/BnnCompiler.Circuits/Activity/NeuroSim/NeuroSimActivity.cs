using BnnCompiler.Hardware;
using BnnCompiler.Mapping;

namespace BnnCompiler.Circuits.Activity.NeuroSim;

/// <summary>
/// Action counts and stage cycles charged as DNN+NeuroSim V1.3 charges them (its Chip.cpp, Tile.cpp and Buffer.cpp
/// rules, restated here), on the floorplan it builds (<see cref="NeuroSimChipPlan"/>). Per image and layer, with W
/// input vectors, a K × N matrix in cells, b input bits, T tiles of side t holding p PEs a side, K_t = min(K, t),
/// N_t = min(N, t), a = ADC bits + b + 2 + ⌈log2(PE / subarray rows)⌉ the partial-sum width:
/// <list type="bullet">
/// <item>crossbar, ADC, accumulation and activation work: the physical counts of its W windows (the analytical
/// counts scaled from the mapped layer's padded pixels to W); their cycles shared among its S copies: ⌈W / S⌉, but
/// the adder trees' cycles NeuroSim's (<see cref="NeuroSimAccumulation"/>);</item>
/// <item>tile buffers: a tile moves all W windows (copies do not share them out): K_t · b bits in through a port
/// of p · subarray rows bits and N_t words of a + 1 bits out through a port of p · a bits, each line written once and
/// read once (2 cycles a line); the energy is charged once per block of the matrix, ⌈K / t⌉ · ⌈N / t⌉ tiles (its
/// loop runs over the matrix's row and column tiles, not over the copies);</item>
/// <item>tile H-tree: the same bits, in transfers of a port width, each taking the cycles of its wire delay from the
/// tile's root to a PE (<see cref="NeuroSimHTree.CyclesPerTransfer"/>, over NeuroSim's PE side, <see cref="NeuroSimArea"/>);</item>
/// <item>global buffer and H-tree: K · b · W bits to the tiles and one bit per output back (a quarter when
/// max-pooled) through 128-bit lines, sped up by min(buffer cores, bus / 128), slowed by ⌈all tiles / layer tiles⌉
/// (only a part of the bus serves the layer); the H-tree carries them in ⌈bits / bus⌉ transfers, each taking the cycles
/// of its wire delay from the chip's root to a tile (over NeuroSim's tile side); the bus is Σ layer tiles · (t + t / columns per ADC) bits, halved while above the spec's bus width.</item>
/// </list>
/// </summary>
public static class NeuroSimActivity
{
    private const int GlobalBufferLineBits = 128;

    private const int GlobalBufferCoreBits = 128 * 128;

    public static (ActionCounts Counts, TimingSummary Timing) Estimate(ChipMapping mapping, NeuroSimChipPlan plan, ActivityAssumptions assumptions)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(plan);
        var spec = mapping.Spec;
        var (physical, physicalTiming) = AnalyticalActivity.Estimate(mapping, spec, assumptions);
        var period = NeuroSimCircuitFigures.ClockPeriodNs(spec.Readout.AdcBits);
        var bus = GlobalBusBits(plan, spec);
        var cores = GlobalBufferCores(plan, spec);
        var globalLinesPerCycle = Math.Min(cores, (long)Math.Ceiling(bus / GlobalBufferLineBits));
        var area = NeuroSimArea.Of(plan, spec);
        var hops = (Tile: NeuroSimHTree.CyclesPerTransfer(plan.PesPerSide, plan.PesPerSide, area.PeSideUm, area.PeSideUm),
            Global: NeuroSimHTree.CyclesPerTransfer(area.GridRows, area.GridColumns, area.TileSideUm, area.TileSideUm));
        var layers = new List<LayerActionCounts>();
        var timings = new List<LayerTiming>();
        foreach (var (l, counts) in mapping.Layers.Zip(physical.Layers))
        {
            var p = plan.Layers.Single(x => x.LayerId == l.Index);
            var t = physicalTiming.Layers[l.Index];
            var (layerCounts, timing) = One(l, p, plan, counts, t, spec, (bus, globalLinesPerCycle, hops.Tile, hops.Global));
            layers.Add(layerCounts);
            timings.Add(timing);
        }

        return (physical with { Layers = layers, Source = physical.Source + "; charged as NeuroSim V1.3" },
            new TimingSummary(timings, period, spec.Pipeline.Mode) { Source = "NeuroSim V1.3 stage rules (stage parts added)" });
    }

    /// <summary>The partial-sum word NeuroSim V1.3 moves out of a tile per output (conventional mapping, 1-bit cells,
    /// parallel read: its tile accumulation's adder width, Tile.cpp): ADC bits + input bits + 2 + ⌈log2(PE / subarray rows)⌉.</summary>
    public static int WordBits(NeuroSimChipPlan plan, HardwareSpec spec)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(spec);
        var rows = spec.Subarray.Rows;
        return spec.Readout.AdcBits + Math.Max(1, spec.Readout.InputBits) + 2
            + (int)Math.Ceiling(Math.Log2(Math.Max(1.0, (double)plan.PeSideCells / rows)));
    }

    private static (LayerActionCounts, LayerTiming) One(LayerMapping l, NeuroSimLayerPlan p, NeuroSimChipPlan plan, LayerActionCounts physical,
        LayerTiming physicalTiming, HardwareSpec spec, (double Bus, long LinesPerCycle, double TileHop, double GlobalHop) chip)
    {
        var (bus, globalLinesPerCycle) = (chip.Bus, chip.LinesPerCycle);
        var b = Math.Max(1, l.InputBits);
        var w = p.Windows;
        var side = plan.TileSideCells;
        var kt = (double)Math.Min(p.MatrixRows, side);
        var nt = (double)Math.Min(p.MatrixColumns, side);
        var a = WordBits(plan, spec);
        var pes = plan.PesPerSide;
        var inPort = (double)pes * spec.Subarray.Rows;
        var outPort = (double)pes * a;

        var tileIn = kt * w * b;
        var tileOut = nt * (a + 1) * w;

        // Energy: every (row, column) block of the matrix once, with all windows; copies add tiles, not traffic.
        var allTilesIn = (double)p.MatrixRows * w * b * Math.Ceiling(p.MatrixColumns / (double)side);
        var allTilesOut = (double)p.MatrixColumns * (a + 1) * w * Math.Ceiling(p.MatrixRows / (double)side);
        var globalOut = (double)p.MatrixRows * b * w;
        var globalIn = (double)p.MatrixColumns * b * w / (p.Pooled ? 4 : 1);

        var scale = (double)w / Math.Max(1, l.OutputPixels);
        var actions = ActionTable.Empty;
        foreach (var (action, count) in physical.Actions.Entries)
        {
            actions = actions.With(action, (long)Math.Round(count * scale));
        }

        actions = actions
            .With(ChipActions.TileBufferWrite, (long)Math.Round(allTilesIn + allTilesOut))
            .With(ChipActions.TileBufferRead, (long)Math.Round(allTilesIn + allTilesOut))
            .With(ChipActions.TileLinkDown, (long)Math.Round(allTilesIn))
            .With(ChipActions.TileLinkUp, (long)Math.Round(allTilesOut))
            .With(ChipActions.GlobalBufferRead, (long)Math.Round(globalOut))
            .With(ChipActions.GlobalBufferWrite, (long)Math.Round(globalIn))
            .With(ChipActions.GlobalLinkDown, (long)Math.Round(globalOut))
            .With(ChipActions.GlobalLinkUp, (long)Math.Round(globalIn));
        var counts = physical with { Actions = actions, Macs = (long)Math.Round(physical.Macs * scale) };

        var serial = (w + p.SpeedUp - 1) / Math.Max(1, p.SpeedUp);
        var perWindow = Math.Max(1, Ceil(l.OutputPixels, l.Copies));
        long Share(long cycles) => (long)Math.Ceiling((double)cycles * serial / perWindow);
        var bufferCycles = (2 * tileIn / inPort) + (2 * tileOut / outPort) + PeFlipFlopCycles(p, plan, spec, kt, nt)
            + ((globalOut + globalIn) / GlobalBufferLineBits / globalLinesPerCycle * Math.Ceiling((double)plan.Tiles / p.Tiles));
        var icCycles = (Math.Ceiling((tileIn + tileOut) / inPort) * chip.TileHop) + (Math.Ceiling((globalOut + globalIn) / bus) * chip.GlobalHop);
        var timing = new LayerTiming(
            l.Name,
            CrossbarCycles: Share(physicalTiming.CrossbarCycles),
            AdcCycles: Share(physicalTiming.AdcCycles),
            AccumulationCycles: (long)Math.Ceiling(NeuroSimAccumulation.Cycles(p, plan, spec, b)),
            BufferCycles: (long)Math.Ceiling(bufferCycles),
            InterconnectCycles: (long)icCycles,
            OtherCycles: Share(physicalTiming.OtherCycles));
        return (counts, timing);
    }

    /// <summary>
    /// The cycles a layer's PE flip-flops take per image (ProcessingUnit.cpp, DFF.cpp: a cycle per fill of the flip-flops):
    /// K_p · W / R input fills of R · b flip-flops and N_p · (A + b + 2) · W / ((C / m) · (A + b + 1 + ⌈log2 s_r⌉)) output
    /// fills, for the largest PE block (K_p = min(K_t, P), N_p = min(N_t, P)) shared among the S copies; a PE handed a
    /// whole tile block (copies filling the tile's PEs) fills for the block, shared among the p² PE slots (Tile.cpp).
    /// </summary>
    private static double PeFlipFlopCycles(NeuroSimLayerPlan layer, NeuroSimChipPlan plan, HardwareSpec spec, double kt, double nt)
    {
        var (pe, p) = (plan.PeSideCells, plan.PesPerSide);
        var (rows, columns) = (spec.Subarray.Rows, spec.Subarray.Columns);
        var b = Math.Max(1, spec.Readout.InputBits);
        var adc = spec.Readout.AdcBits;
        var columnCopies = Math.Max(1, layer.ColumnSpeedUp);
        var filled = layer.SpeedUp / columnCopies >= p && columnCopies >= p;
        var (kp, np, share) = filled ? (kt, nt, (double)p * p) : (Math.Min(kt, pe), Math.Min(nt, pe), Math.Max(1, layer.SpeedUp));
        var stages = Math.Ceiling(Math.Log2(Math.Max(1.0, Math.Ceiling((double)pe / rows))));
        var outputFlipFlops = (double)columns / spec.Readout.ColumnsPerAdc * (adc + b + 1 + stages);
        return ((kp * layer.Windows / rows) + (np * (adc + b + 2) * layer.Windows / outputFlipFlops)) / share;
    }

    /// <summary>NeuroSim V1.3's global buffer cores (Chip.cpp, pipelined): 128 × 128-bit cores holding b bits of half of
    /// every layer's input feature map.</summary>
    public static long GlobalBufferCores(NeuroSimChipPlan plan, HardwareSpec spec)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(spec);
        var bits = Math.Max(1, spec.Readout.InputBits);
        return Math.Max(1, (long)Math.Ceiling(bits * plan.Layers.Sum(l => l.InputValues) / 2.0 / GlobalBufferCoreBits));
    }

    /// <summary>NeuroSim V1.3's global bus (Chip.cpp): Σ layer tiles · (t + t / columns per ADC) bits, halved while above
    /// the spec's bus width.</summary>
    public static double GlobalBusBits(NeuroSimChipPlan plan, HardwareSpec spec)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(spec);
        double bus = plan.Layers.Sum(l => (plan.TileSideCells + ((double)plan.TileSideCells / spec.Readout.ColumnsPerAdc)) * l.Tiles);
        while (bus > spec.Chip.BusWidthBits)
        {
            bus /= 2;
        }

        return Math.Max(1, bus);
    }

    private static long Ceil(long a, long b) => (a + b - 1) / Math.Max(1, b);
}
