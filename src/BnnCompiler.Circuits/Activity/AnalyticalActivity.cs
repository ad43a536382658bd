using BnnCompiler.Circuits.Components;
using BnnCompiler.Hardware;
using BnnCompiler.Mapping;

namespace BnnCompiler.Circuits.Activity;

/// <summary>
/// Action counts and NeuroSim-style stage timing computed from the mapping alone, for pricing a model without a
/// dataset. Per image and layer (P output pixels, K × N matrix, b input bits, R × C blocks, d copies):
/// <list type="bullet">
/// <item>reads = P · b · C · reads per input · G, G = Σ over the R row blocks of g_i = ⌈block rows / group rows⌉ (the row
/// groups each block is read in, each read on its own: a block shorter than a group once; <see cref="ReadGroups"/>);
/// rows driven = P · b · C · K · rows per weight · f_drive;
/// cells read = P · b · K · rows per weight · f_drive · N; conducting = cells read · f_on;</item>
/// <item>conversions = P · b · N · G (one per used column per read; + the reference column's);</item>
/// <item>shift-adds = the conversions of the blocks with b &gt; 1 or g_i &gt; 1 (every plane's and row group's conversion
/// folds into its accumulator); adder trees add R partial sums per output: PE trees R − R_pe,
/// tile trees R_pe − R_tile, chip R_tile − 1 (R_pe = ⌈R / subarray rows per PE⌉, R_tile = ⌈R_pe / PE rows per tile⌉);</item>
/// <item>activations, residual adds: P · N per threshold / add operation on the layer's tiles; pooling 0.75 · P · N
/// (2 × 2 windows: 3 steps per 4 values);</item>
/// <item>data (NeuroSim's data flow): the global buffer streams every input window (im2col vector) of a copy to each
/// tile of that copy, its K_tile rows · b bits, over the H-tree path from the root to that tile (a switched tree:
/// only the branches towards the addressed tile toggle); P · K · b · tile columns bits per image. Results (1 bit per
/// output, or partial sums of the PE tree's width when rows span tiles) go up to the global buffer. Inside a tile the
/// window slice of a PE row goes to every PE of that row (multicast), PE results go up to the tile's root.</item>
/// </list>
/// Stage cycles (per image; S = ⌈P/d⌉ windows of one copy, K_tile × N_tile the largest tile's share):
/// <list type="bullet">
/// <item>crossbar = S · b · reads per input · g_max (row drive and settle of each group of the layer's largest block;
/// the blocks' subarrays read in parallel), ADC = S · b · sensing cycles per input bit of the largest block (mux
/// inputs · g_max · reads per input), accumulation = S · levels · columns per ADC (one more level when b &gt; 1 or
/// g_max &gt; 1), other = S (activation per window);</item>
/// <item>buffer: the tile's single-ported register files, every line written once and read once (DNN+NeuroSim V1.3,
/// Tile.cpp and Buffer.cpp: one line per cycle, write and read latencies added). Input buffer: a window's K_tile · b
/// bits through a port of PE rows × subarray rows bits, 2 · S · ⌈K_tile·b / port⌉; output buffer: one word (a 1-bit
/// activation, or a partial sum) per output through a port of one word per PE column, 2 · ⌈S · N_tile / PE columns⌉;</item>
/// <item>interconnect: the width-conserving H-tree gives the layer's tiles B · tiles / grid slots of the root's B
/// wires (<see cref="Components.HTreeModel"/>): (bits down + bits up) / that width; a mesh gives every transfer the
/// whole bus width B at the global buffer's link (<see cref="Components.MeshModel"/>).</item>
/// </list>
/// </summary>
public static class AnalyticalActivity
{
    public static (ActionCounts Counts, TimingSummary Timing) Estimate(ChipMapping mapping, HardwareSpec spec, ActivityAssumptions assumptions)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(assumptions);
        var clockPeriodNs = ChipClock.PeriodNs(spec, CircuitOptions.Default);
        var fp = mapping.Floorplan;
        var layers = new List<LayerActionCounts>();
        var timings = new List<LayerTiming>();
        var images = Math.Max(1, assumptions.Images);
        foreach (var l in mapping.Layers)
        {
            var (counts, timing) = One(l, fp, spec, assumptions);
            layers.Add(counts.Scale(images));
            timings.Add(timing);
        }

        return (new ActionCounts { Images = images, Layers = layers, Source = assumptions.Describe() },
            new TimingSummary(timings, clockPeriodNs, spec.Pipeline.Mode));
    }

    private static (LayerActionCounts, LayerTiming) One(LayerMapping l, Floorplan fp, HardwareSpec spec, ActivityAssumptions a)
    {
        long p = l.OutputPixels, k = l.Rows, n = l.Columns, b = l.InputBits, r = l.RowBlocks, c = l.ColumnBlocks;
        var w = spec.Weights;
        var groups = Enumerable.Range(0, l.RowBlocks).Select(i => (long)spec.ReadGroupsOf(l.Block(0, i, 0).RowCount)).ToList();
        var (g, gMax, gFolded) = (groups.Sum(), groups.Max(), b > 1 ? groups.Sum() : groups.Where(x => x > 1).Sum());
        var reads = p * b * c * w.ReadsPerInput * g;  // each row group of each block is its own read and conversion
        var rowsDriven = (long)Math.Round(p * b * c * k * w.RowsPerWeight * a.DrivenRowFraction) * w.ReadsPerInput;
        var cellReads = (long)Math.Round(p * b * k * w.RowsPerWeight * a.DrivenRowFraction * n * w.ColumnsPerWeight) * w.ReadsPerInput;
        var conversionsPerGroup = ((p * b * n * w.ColumnsPerWeight) + (p * b * c * w.ReferenceColumnsPerSubarray)) * w.ReadsPerInput;
        var conversions = conversionsPerGroup * g;
        var rPe = Ceil(r, fp.SubarraysPerPe.Rows);
        var rTile = Ceil(rPe, fp.PesPerTile.Rows);
        var sumBits = fp.Buffers.PeAdderTreeBits;
        var ops = l.DigitalOps.Select(o => o.Op).ToList();
        var outUpBits = l.Accumulation == AccumulationLevel.Chip ? p * n * rTile * sumBits : p * n;
        var windowBits = p * k * b * l.TileColumns;
        var conducting = (long)Math.Round(cellReads * a.ConductingFraction);
        var peSumBits = p * n * rPe * sumBits;
        var counts = new LayerActionCounts
        {
            LayerId = l.Index,
            Layer = l.Name,
            Macs = p * k * n,
            Actions = ActionTable.Of(
                (ChipActions.SubarrayRead, reads),
                (ChipActions.RowDrive, rowsDriven),
                (ChipActions.CellReadOn, conducting),
                (ChipActions.CellReadOff, cellReads - conducting),
                (ChipActions.BitLineSense, conversions),
                (ChipActions.AdcConvert, conversions),
                (ChipActions.MuxSelect, conversions),
                (ChipActions.ShiftAdd, conversionsPerGroup * gFolded),
                (ChipActions.PeAdd, p * n * (r - rPe)),
                (ChipActions.TileAdd, p * n * (rPe - rTile)),
                (ChipActions.ChipAdd, p * n * (rTile - 1)),
                (ChipActions.Threshold, p * n * Math.Max(1, ops.Count(o => o is "threshold" or "relu" or "sign"))),
                (ChipActions.Pool, (long)(0.75 * p * n * ops.Count(o => o.EndsWith("pool", StringComparison.Ordinal)))),
                (ChipActions.ResidualAdd, p * n * ops.Count(o => o == "add")),
                (ChipActions.GlobalBufferRead, windowBits),
                (ChipActions.GlobalBufferWrite, p * n),
                (ChipActions.TileBufferWrite, windowBits + outUpBits),
                (ChipActions.TileBufferRead, windowBits + outUpBits),
                (ChipActions.PeBufferWrite, (p * k * b * l.PeColumns) + peSumBits),
                (ChipActions.PeBufferRead, (p * k * b * l.PeColumns) + peSumBits),
                (ChipActions.GlobalLinkDown, windowBits),
                (ChipActions.GlobalLinkUp, outUpBits),
                (ChipActions.TileLinkDown, windowBits),
                (ChipActions.TileLinkUp, peSumBits)),
        };

        var serial = Ceil(p, l.Copies);
        var levels = l.Accumulation switch
        {
            AccumulationLevel.None => 0,
            AccumulationLevel.Pe => 1,
            AccumulationLevel.Tile => 2,
            _ => 3,
        } + (b > 1 || gMax > 1 ? 1 : 0);
        var kTile = Math.Min(k, fp.WeightRowsPerTile);
        var nTile = Math.Min(n, fp.WeightColumnsPerTile);
        var layerBusBits = spec.Chip.Interconnect == InterconnectTopology.Mesh
            ? spec.Chip.BusWidthBits
            : Math.Max(1.0, spec.Chip.BusWidthBits * (double)l.Tiles / Math.Max(1, fp.Tiles.Count));
        var timing = new LayerTiming(
            l.Name,
            CrossbarCycles: serial * b * w.ReadsPerInput * gMax,
            AdcCycles: serial * b * spec.SensingCyclesPerInputBitOf(l.Block(0, 0, 0).RowCount),
            AccumulationCycles: serial * levels * spec.Readout.ColumnsPerAdc,
            BufferCycles: (2 * serial * Ceil(kTile * b, TileBufferPorts.InputBits(fp))) + (2 * Ceil(serial * nTile, TileBufferPorts.OutputWords(fp))),
            InterconnectCycles: (long)Math.Ceiling((windowBits + outUpBits) / layerBusBits),
            OtherCycles: serial);
        return (counts, timing);
    }

    private static long Ceil(long a, long b) => (a + b - 1) / Math.Max(1, b);
}
