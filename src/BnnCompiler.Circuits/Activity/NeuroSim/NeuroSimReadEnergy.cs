using BnnCompiler.Hardware;

namespace BnnCompiler.Circuits.Activity.NeuroSim;

/// <summary>
/// The read energy of one layer per image in NeuroSim V1.3's ADC bucket (SubArray.cpp, conventional parallel read with
/// multi-level sense amplifiers; MultilevelSenseAmp.cpp, MultilevelSAEncoder.cpp): every subarray a charged PE holds
/// (<see cref="NeuroSimTransferEnergy"/>'s PE rule) is read once per window and input bit; a PE handed a whole tile
/// block (copies filling the tile's PEs both ways) and copies in its subarrays reads the block as one subarray (copies
/// filling its subarrays both ways: its column currents add every row of the block) or as all the block's subarrays
/// (fewer copies), ProcessingUnit.cpp. Each read charges
/// <list type="bullet">
/// <item>the array: its bit lines and the word lines of the driven rows, once for each of the m columns a sense
/// amplifier serves, whatever columns the layer uses (<see cref="NeuroSimCircuitFigures.ArrayReadPj"/>,
/// <see cref="NeuroSimCircuitFigures.WordLinePjPerDrivenRow"/>);</item>
/// <item>the sense amplifiers: every used column's comparators and its current, which grows with the driven rows
/// (<see cref="NeuroSimCircuitFigures.SensePjPerColumn"/>), and the encoders
/// (<see cref="NeuroSimCircuitFigures.EncoderPjPerRead"/>);</item>
/// <item>apart from its ADC bucket, in its other peripherals: the row switch matrix, column multiplexers and their
/// decoder (<see cref="NeuroSimCircuitFigures.PeripheryPjPerRead"/>, <see cref="NeuroSimCircuitFigures.PeripheryPjPerDrivenRow"/>).</item>
/// </list>
/// Half the rows a subarray uses are driven (a ±1 weight is a pair of rows, one driven by x, the other by ¬x).
/// <code>
/// before: a layer's NeuroSim floorplan share
/// after:  its cell-read and sense energy (NeuroSim's ADC bucket) and read periphery energy, pJ per image
/// </code>
/// </summary>
public static class NeuroSimReadEnergy
{
    /// <summary>Cell-read and sense energy and read periphery energy of <paramref name="layer"/> in pJ per image.</summary>
    public static (double AdcPj, double PeripheryPj) Of(NeuroSimLayerPlan layer, NeuroSimChipPlan plan, HardwareSpec spec, int inputBits)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(spec);
        var reads = (double)layer.Windows * Math.Max(1, inputBits);
        var adc = spec.Readout.AdcBits;
        var rows = spec.Subarray.Rows;
        var columns = spec.Subarray.Columns;
        var t = plan.TileSideCells;
        double pj = 0;
        double periphery = 0;
        foreach (var (kt, nt) in layer.TileBlocks(t))
        {
            switch (SubarrayCopies(layer, plan, spec))
            {
                case WholeBlock.OneRead:
                    Read(kt / 2.0, nt);
                    continue;
                case WholeBlock.EverySubarray:
                    for (var r = 0; r < kt; r += rows)
                    {
                        for (var c = 0; c < nt; c += columns)
                        {
                            Read(Math.Min(rows, kt - r) / 2.0, Math.Min(columns, nt - c));
                        }
                    }

                    continue;
            }

            foreach (var (kp, np) in NeuroSimTransferEnergy.ChargedPes(layer, kt, nt, plan.PeSideCells, plan.PesPerSide))
            {
                for (var r = 0; r < Math.Min(kp, plan.PeSideCells); r += rows)
                {
                    for (var c = 0; c < Math.Min(np, plan.PeSideCells); c += columns)
                    {
                        Read(Math.Min(rows, kp - r) / 2.0, Math.Min(columns, np - c));
                    }
                }
            }
        }

        return (pj * reads, periphery * reads);

        void Read(double driven, int used)
        {
            pj += NeuroSimCircuitFigures.ArrayReadPj + (driven * NeuroSimCircuitFigures.WordLinePjPerDrivenRow)
                + (used * NeuroSimCircuitFigures.SensePjPerColumn(adc, driven)) + NeuroSimCircuitFigures.EncoderPjPerRead(adc);
            periphery += NeuroSimCircuitFigures.PeripheryPjPerRead + (driven * NeuroSimCircuitFigures.PeripheryPjPerDrivenRow);
        }
    }

    /// <summary>How a PE handed a whole tile block reads it (ProcessingUnit.cpp, with the copies spread over its subarrays,
    /// ⌈row copies / p⌉ × ⌈column copies / p⌉): with copies in its subarrays both ways as one subarray holding all the
    /// block's rows and columns (its column currents add every row), with fewer as every subarray of the block, and
    /// without as the PE's own subarrays only (<see cref="WholeBlock.OwnSubarrays"/>, like any other PE).</summary>
    private static WholeBlock SubarrayCopies(NeuroSimLayerPlan layer, NeuroSimChipPlan plan, HardwareSpec spec)
    {
        var p = plan.PesPerSide;
        if (!NeuroSimTransferEnergy.FillsPes(layer, p))
        {
            return WholeBlock.OwnSubarrays;
        }

        var columnCopies = Math.Max(1, layer.ColumnSpeedUp);
        var rowCopies = Math.Max(1, layer.SpeedUp / columnCopies);
        var (dupRows, dupColumns) = ((int)Math.Ceiling((double)rowCopies / p), (int)Math.Ceiling((double)columnCopies / p));
        if (dupRows * dupColumns <= 1)
        {
            return WholeBlock.OwnSubarrays;
        }

        var down = (int)Math.Ceiling((double)plan.PeSideCells / spec.Subarray.Rows);
        var across = (int)Math.Ceiling((double)plan.PeSideCells / spec.Subarray.Columns);
        return dupRows >= down && dupColumns >= across ? WholeBlock.OneRead : WholeBlock.EverySubarray;
    }

    private enum WholeBlock
    {
        OwnSubarrays,
        EverySubarray,
        OneRead,
    }
}
