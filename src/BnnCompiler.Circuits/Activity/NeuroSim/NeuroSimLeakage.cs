using BnnCompiler.Hardware;

namespace BnnCompiler.Circuits.Activity.NeuroSim;

/// <summary>
/// A layer's leakage power as DNN+NeuroSim V1.3 charges it (Chip.cpp, Tile.cpp, ProcessingUnit.cpp, AdderTree.cpp,
/// Buffer.cpp): its tiles times the leakage of the tile holding the matrix's last block of rows, which is
/// <list type="bullet">
/// <item>per PE (p × p of them): its subarrays' leakage (<see cref="NeuroSimCircuitFigures.SubarrayLeakageNw"/>), its
/// adder tree (only when the PE it charges last adds more than one subarray row: the last block's last PE), and its
/// input and output flip-flops (b bits per PE row, (PE columns / m) · (A + b + 1 + tree stages) out);</item>
/// <item>per tile: its accumulation over the p PE rows and its input and output register files (p · b · rows bits,
/// a · p · columns / m bits).</item>
/// </list>
/// An adder tree of r inputs and w-bit words leaks ⌈r/2⌉·w + ⌈r/4⌉·(w+1) + … adder bits, one tree per ADC of its PE or
/// tile row.
/// <code>
/// before: a layer's NeuroSim floorplan share
/// after:  its leakage power in µW
/// </code>
/// </summary>
public static class NeuroSimLeakage
{
    /// <summary>Leakage power (µW) of <paramref name="layer"/>'s tiles.</summary>
    public static double LayerUw(NeuroSimLayerPlan layer, NeuroSimChipPlan plan, HardwareSpec spec, int inputBits)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(spec);
        var b = Math.Max(1, inputBits);
        var adc = spec.Readout.AdcBits;
        var m = spec.Readout.ColumnsPerAdc;
        var rows = spec.Subarray.Rows;
        var columns = spec.Subarray.Columns;
        var t = plan.TileSideCells;
        var pe = plan.PeSideCells;
        var p = plan.PesPerSide;
        var down = (int)Math.Ceiling((double)pe / rows);
        var across = (int)Math.Ceiling((double)pe / columns);
        var peStages = (int)Math.Ceiling(Math.Log2(down));

        // The PE charged last: the last row block of the matrix, its last PE row.
        var lastBlockRows = layer.MatrixRows - ((int)Math.Ceiling((double)layer.MatrixRows / t) - 1) * t;
        var lastPeRows = lastBlockRows - ((int)Math.Ceiling((double)lastBlockRows / pe) - 1) * pe;
        var columnCopies = Math.Max(1, layer.ColumnSpeedUp);
        var filled = layer.SpeedUp / columnCopies >= p && columnCopies >= p;
        var addedRows = filled ? down : (int)Math.Ceiling((double)lastPeRows / rows);

        var peTrees = Math.Ceiling((double)across * columns / m);
        var peNw = (down * across * NeuroSimCircuitFigures.SubarrayLeakageNw(adc))
            + (peTrees * AdderBits(addedRows, adc + b + 2) * NeuroSimCircuitFigures.AdderBitLeakageNw)
            + (((double)b * pe) + ((double)pe / m * (adc + b + 1 + peStages))) * NeuroSimCircuitFigures.FlipFlopLeakageNw;

        var tileWord = adc + b + 2 + (int)Math.Ceiling(Math.Log2(Math.Max(1.0, (double)pe / rows)));
        var tileTrees = Math.Ceiling((double)p * columns / m);
        var tileNw = (p * p * peNw)
            + (tileTrees * AdderBits(p, tileWord) * NeuroSimCircuitFigures.AdderBitLeakageNw)
            + NeuroSimCircuitFigures.RegisterFileLeakageNw(NeuroSimCircuitFigures.TileRegisterFile(p * b * rows, p * rows))
            + NeuroSimCircuitFigures.RegisterFileLeakageNw(NeuroSimCircuitFigures.TileRegisterFile((double)tileWord * p * columns / m, tileWord * p));
        return layer.Tiles * tileNw / 1000;
    }

    /// <summary>Adder bits of one tree adding <paramref name="inputs"/> words of <paramref name="bits"/> bits (AdderTree.cpp:
    /// ⌈log2 inputs⌉ stages of ⌊j/2⌋ adders, j halved (rounded down, as its integer division does) each stage, one bit wider
    /// each stage).</summary>
    internal static double AdderBits(int inputs, int bits)
    {
        double total = 0;
        var j = inputs;
        for (var stage = (int)Math.Ceiling(Math.Log2(Math.Max(1, inputs))); stage > 0; stage--)
        {
            j /= 2;
            total += (double)j * bits;
            bits++;
        }

        return total;
    }
}
