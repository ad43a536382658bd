using BnnCompiler.Hardware;

namespace BnnCompiler.Circuits.Activity.NeuroSim;

/// <summary>
/// The cycles DNN+NeuroSim V1.3 charges a layer's adder trees per image (ProcessingUnit.cpp, Tile.cpp, Chip.cpp with
/// AdderTree.cpp and Adder.cpp). A tree adding r words takes ⌈log2 r⌉ stages, each a ripple-carry adder one bit wider
/// than the last, and a stage takes ⌈its carry delay / 1 ns⌉ cycles (the adders count in cycles of the 1 GHz clock they
/// are initialised at; the chip counts those cycles at its own clock); the carry delay of a w-bit adder is
/// 0.110976 + 0.0639847 · (w − 2) ns (its seven gate delays, the middle two once per bit beyond two; printed by NeuroSim
/// V1.3 for this configuration). With W windows, m columns per ADC, S copies, a K × N matrix, tiles of t cells,
/// p × p PEs of P cells, R subarray rows and the words of <see cref="NeuroSimArea"/>:
/// <list type="bullet">
/// <item>PE: W · m reads of a tree adding ⌈min(K, P) / R⌉ subarray rows of A + b + 2 bits, shared among the S copies;</item>
/// <item>tile: without copies W · m reads of a tree adding the p PE rows, with copies that do not fill the tile's PEs
/// both ways a tree adding ⌈min(K, t) / P⌉ PE rows (none when that is one), and none when they fill them;</item>
/// <item>chip: when the matrix spans more than one row of tiles, ⌈N · W / (t / m)⌉ reads of a tree adding its row tiles.</item>
/// </list>
/// <code>
/// before: a layer's NeuroSim floorplan share
/// after:  the accumulation cycles of its pipeline stage
/// </code>
/// </summary>
public static class NeuroSimAccumulation
{
    /// <summary>A 2-bit adder's carry delay, ns.</summary>
    public const double AdderBaseNs = 0.110976;

    /// <summary>The delay each bit beyond two adds, ns.</summary>
    public const double AdderNsPerBit = 0.0639847;

    public static double Cycles(NeuroSimLayerPlan layer, NeuroSimChipPlan plan, HardwareSpec spec, int inputBits)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(spec);
        var b = Math.Max(1, inputBits);
        var adc = spec.Readout.AdcBits;
        var m = Math.Max(1, spec.Readout.ColumnsPerAdc);
        var rows = spec.Subarray.Rows;
        var (t, pe, p) = (plan.TileSideCells, plan.PeSideCells, plan.PesPerSide);
        var reads = (double)layer.Windows * m;
        var copies = Math.Max(1, layer.SpeedUp);
        var kt = Math.Min(layer.MatrixRows, t);

        var peCycles = reads * TreeCycles((int)Math.Ceiling((double)Math.Min(kt, pe) / rows), adc + b + 2) / copies;

        var tileWord = adc + b + 2 + (int)Math.Ceiling(Math.Log2(Math.Max(1.0, (double)pe / rows)));
        var columnCopies = Math.Max(1, layer.ColumnSpeedUp);
        var filled = copies / columnCopies >= p && columnCopies >= p;
        var tileInputs = copies <= 1 ? p : filled ? 1 : (int)Math.Ceiling((double)kt / pe);
        var tileCycles = reads * TreeCycles(tileInputs, tileWord);

        var rowTiles = (int)Math.Ceiling((double)layer.MatrixRows / t);
        var down = (int)Math.Ceiling((double)pe / rows);
        var globalWord = adc + b + 2 + (int)Math.Ceiling(Math.Log2((double)down * p * (plan.Layers.Count + 1)));
        var globalCycles = Math.Ceiling((double)layer.MatrixColumns * layer.Windows / Math.Ceiling((double)t / m)) * TreeCycles(rowTiles, globalWord);
        return peCycles + tileCycles + globalCycles;
    }

    /// <summary>Cycles of one pass through a tree adding <paramref name="inputs"/> words of <paramref name="bits"/> bits.</summary>
    public static double TreeCycles(int inputs, int bits)
    {
        double cycles = 0;
        for (var stage = (int)Math.Ceiling(Math.Log2(Math.Max(1, inputs))); stage > 0; stage--)
        {
            cycles += Math.Ceiling((AdderBaseNs + (AdderNsPerBit * (bits - 2))) / NeuroSimHTree.TreeCycleNs);
            bits++;
        }

        return cycles;
    }
}
