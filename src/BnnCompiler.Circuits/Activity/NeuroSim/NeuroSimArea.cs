using BnnCompiler.Hardware;

namespace BnnCompiler.Circuits.Activity.NeuroSim;

/// <summary>
/// The chip area DNN+NeuroSim V1.3 gives a floorplan (Chip.cpp ChipCalculateArea, Tile.cpp TileCalculateArea,
/// ProcessingUnit.cpp ProcessingUnitCalculateArea, SubArray.cpp), on its layout figures (<see cref="NeuroSimAreaFigures"/>).
/// Every tile is the same (t cells a side, p × p PEs of P cells, each s_r × s_c subarrays of R × C cells), with A ADC bits,
/// b input bits, m columns per ADC, L layers:
/// <list type="bullet">
/// <item>subarray: its cells, its sense amplifiers and encoders, its periphery (switch matrices, level shifters,
/// multiplexers); its height is the layout's (<see cref="NeuroSimCircuitFigures.SubarrayHeightUm"/>), its width C
/// column pitches;</item>
/// <item>PE: its subarrays, an adder tree per ADC column adding s_r words of A + b + 2 bits, b · R input flip-flops in
/// columns as tall as its subarrays and (C / m) · (A + b + 1 + ⌈log2 s_r⌉) output flip-flops in rows as wide as them;
/// its side the square root of its area;</item>
/// <item>tile: p² PEs, an accumulation of p words of a = A + b + 2 + ⌈log2(P / R)⌉ bits per ADC column of a PE row,
/// input and output register files (p · b · R bits read p · R a line, a · p · C / m bits read a · p a line; cores of
/// 32 × 32 bits beyond that), and an H-tree over its p × p PEs carrying p · R bits, folded 16 times;</item>
/// <item>chip: the tiles, the global buffer (128 × 128-bit register-file cores holding half the layers' input bits),
/// an H-tree over ⌈√tiles⌉ rows of tiles carrying the global bus, folded 4 times, max pooling over t columns,
/// the global accumulation (t / m trees adding the most row tiles of a layer, words of A + b + 2 +
/// ⌈log2(s_r · p · (L + 1))⌉ bits) and the activation's b flip-flops per t / m columns.</item>
/// </list>
/// Array, ADC, accumulation (adder trees) and interconnect (H-trees) are NeuroSim's own buckets; its "other
/// peripherals" are <see cref="NeuroSimChipArea.BufferUm2"/> (register files and flip-flops) plus
/// <see cref="NeuroSimChipArea.OtherUm2"/> (subarray periphery, pooling, activation).
/// <code>
/// before: NeuroSim's floorplan of the mapped chip (tile and PE sides, tiles per layer)
/// after:  its area per bucket, PE and tile sides, tile grid
/// </code>
/// </summary>
public static class NeuroSimArea
{
    private const int TileCoreBits = 32 * 32;

    private const int GlobalCoreBits = 128 * 128;

    private const int GlobalCoreLineBits = 128;

    public static NeuroSimChipArea Of(NeuroSimChipPlan plan, HardwareSpec spec)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(spec);
        var adc = spec.Readout.AdcBits;
        var b = Math.Max(1, spec.Readout.InputBits);
        var m = Math.Max(1, spec.Readout.ColumnsPerAdc);
        var (rows, columns) = (spec.Subarray.Rows, spec.Subarray.Columns);
        var (t, pe, p) = (plan.TileSideCells, plan.PeSideCells, plan.PesPerSide);
        var down = (int)Math.Ceiling((double)pe / rows);
        var across = (int)Math.Ceiling((double)pe / columns);

        // PE: subarrays, adder tree, input and output flip-flops.
        var subarrays = (double)down * across;
        var array = subarrays * rows * columns * NeuroSimAreaFigures.CellUm2;
        var sense = subarrays * NeuroSimAreaFigures.SubarrayAdcArea(adc);
        var periphery = subarrays * NeuroSimAreaFigures.SubarrayPeripheryUm2;
        var peAdders = NeuroSimAreaFigures.AdderTreeArea(Math.Ceiling((double)across * columns / m), down, adc + b + 2);
        var peStages = (int)Math.Ceiling(Math.Log2(Math.Max(1, down)));
        var peFlipFlops = NeuroSimAreaFigures.FlipFlopColumnsArea((double)b * rows, down * NeuroSimCircuitFigures.SubarrayHeightUm(adc))
            + NeuroSimAreaFigures.FlipFlopRowsArea((double)columns / m * (adc + b + 1 + peStages), across * NeuroSimAreaFigures.SubarrayWidthUm(columns));
        var peSide = Math.Sqrt(array + sense + periphery + peAdders + peFlipFlops);

        // Tile: p² PEs, accumulation, register files, H-tree over the PEs.
        var pes = (double)p * p;
        var tileWord = adc + b + 2 + (int)Math.Ceiling(Math.Log2(Math.Max(1.0, (double)pe / rows)));
        var tileAdders = NeuroSimAreaFigures.AdderTreeArea(Math.Ceiling((double)p * columns / m), p, tileWord);
        var tileFiles = TileFile((double)p * b * rows, (double)p * rows) + TileFile((double)tileWord * p * columns / m, (double)tileWord * p);
        var tileTree = NeuroSimHTree.AreaUm2(p, p, peSide, peSide, (double)p * rows, NeuroSimAreaFigures.TileTreeFold);
        var tileSide = Math.Sqrt((pes * (array + sense + periphery + peAdders + peFlipFlops)) + tileAdders + tileFiles + tileTree);

        // Chip: the tiles and the global buffer, H-tree, pooling, accumulation and activation.
        var tiles = (double)Math.Max(1, plan.Tiles);
        var gridRows = (int)Math.Ceiling(Math.Sqrt(tiles));
        var gridColumns = (int)Math.Ceiling(tiles / gridRows);
        var globalFile = NeuroSimActivity.GlobalBufferCores(plan, spec) * NeuroSimAreaFigures.RegisterFileArea(GlobalCoreBits, GlobalCoreLineBits);
        var globalTree = NeuroSimHTree.AreaUm2(gridRows, gridColumns, tileSide, tileSide, NeuroSimActivity.GlobalBusBits(plan, spec), NeuroSimAreaFigures.ChipTreeFold);
        var rowTiles = plan.Layers.Max(l => (int)Math.Ceiling((double)l.MatrixRows / t));
        var globalWord = adc + b + 2 + (int)Math.Ceiling(Math.Log2((double)down * p * (plan.Layers.Count + 1)));
        var globalAdders = NeuroSimAreaFigures.AdderTreeArea(Math.Ceiling((double)t / m), rowTiles, globalWord);
        var pooling = t * b * NeuroSimAreaFigures.MaxPoolUnitUm2PerBit;
        var activation = Math.Ceiling((double)t / m) * b * NeuroSimAreaFigures.FlipFlopHeightUm * NeuroSimAreaFigures.FlipFlopWidthUm;

        var perTile = tiles * pes;
        return new NeuroSimChipArea(
            ArrayUm2: perTile * array,
            AdcUm2: perTile * sense,
            AccumulationUm2: (perTile * peAdders) + (tiles * tileAdders) + globalAdders,
            InterconnectUm2: (tiles * tileTree) + globalTree,
            BufferUm2: (perTile * peFlipFlops) + (tiles * tileFiles) + globalFile,
            OtherUm2: (perTile * periphery) + pooling + activation,
            PeSideUm: peSide,
            TileSideUm: tileSide,
            GridRows: gridRows,
            GridColumns: gridColumns);
    }

    /// <summary>A tile register file: one file of its bits while under a 32 × 32 core, else as many cores as it needs.</summary>
    private static double TileFile(double bits, double lineBits) => bits < TileCoreBits
        ? NeuroSimAreaFigures.RegisterFileArea(bits, lineBits)
        : Math.Ceiling(bits / TileCoreBits) * NeuroSimAreaFigures.RegisterFileArea(TileCoreBits, 32);
}
