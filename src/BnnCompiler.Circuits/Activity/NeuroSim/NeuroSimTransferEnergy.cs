using BnnCompiler.Hardware;

namespace BnnCompiler.Circuits.Activity.NeuroSim;

/// <summary>
/// The buffer and interconnect energy of one layer per image as DNN+NeuroSim V1.3 charges it (Chip.cpp, Tile.cpp,
/// ProcessingUnit.cpp, Buffer.cpp, HTree.cpp, Bus.cpp), on its circuit figures (<see cref="NeuroSimCircuitFigures"/>).
/// With W windows, b input bits, A ADC bits, a K × N matrix, tiles of t cells a side holding p × p PEs of P cells, a
/// tile word a = A + b + 2 + ⌈log2(P / subarray rows)⌉ and a PE word A + b + 2:
/// <list type="bullet">
/// <item>every (row, column) block of the matrix (K_t × N_t, once, copies add none): K_t·W·b bits through the tile's
/// input register file and N_t·(a + 1)·W through its output one (each read once and written once), the same bits over
/// the tile's H-tree from the PE at its leaf (<see cref="NeuroSimCircuitFigures.TreePath"/> over the PE sides);</item>
/// <item>the PEs a block charges: one with the whole block when its copies fill the tile's PEs both ways, its real
/// PEs when it has fewer copies, and all p × p PE slots when it has none (an empty slot charges the PE before it
/// again, as the tile's PE loop adds the last PE's figures for it); each moves K_p·W·b bits over its input bus (the
/// subarray width times the subarray columns − 1) into its flip-flops and N_p·A·W over its output bus (the subarray
/// height times the subarray rows − 1), N_p·(A + b + 2)·W into its output flip-flops;</item>
/// <item>the global buffer: K·b·W bits read, N·b·W written (a quarter when max-pooled); the global H-tree charges them in
/// whole bus widths, ⌈bits / bus⌉ · bus bits to the tile farthest along its path.</item>
/// </list>
/// <code>
/// before: a layer's NeuroSim floorplan share, the sides of its PE and tile
/// after:  (buffer pJ, interconnect pJ) per image
/// </code>
/// </summary>
public static class NeuroSimTransferEnergy
{
    private const int GlobalBufferCoreBits = 128 * 128;

    private const int GlobalBufferLineBits = 128;

    /// <summary>Buffer and interconnect energy of <paramref name="layer"/> in pJ per image; <paramref name="sides"/> are
    /// the sides of one PE and one tile (<see cref="NeuroSimArea"/>), <paramref name="globalBusBits"/> the chip's global bus.</summary>
    public static (double BufferPj, double InterconnectPj) Of(NeuroSimLayerPlan layer, NeuroSimChipPlan plan, HardwareSpec spec,
        int inputBits, (double PeUm, double TileUm) sides, double globalBusBits)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(spec);
        var b = Math.Max(1, inputBits);
        var adc = spec.Readout.AdcBits;
        var w = (double)layer.Windows;
        var t = plan.TileSideCells;
        var pe = plan.PeSideCells;
        var p = plan.PesPerSide;
        var rows = spec.Subarray.Rows;
        var columns = spec.Subarray.Columns;
        var tileWord = adc + b + 2 + (int)Math.Ceiling(Math.Log2(Math.Max(1.0, (double)pe / rows)));
        var peWord = adc + b + 2;

        // Register files: tile input (p·b·rows bits, a line p·rows), tile output (a·p·columns / m bits, a line a·p), global core.
        var (inBits, inLine) = NeuroSimCircuitFigures.TileRegisterFile(p * b * rows, p * rows);
        var (outBits, outLine) = NeuroSimCircuitFigures.TileRegisterFile((double)tileWord * p * columns / spec.Readout.ColumnsPerAdc, tileWord * p);
        var read = NeuroSimCircuitFigures.RegisterBitReadFj;
        var inWrite = NeuroSimCircuitFigures.RegisterBitWriteFj(inBits, inLine);
        var outWrite = NeuroSimCircuitFigures.RegisterBitWriteFj(outBits, outLine);
        var globalWrite = NeuroSimCircuitFigures.RegisterBitWriteFj(GlobalBufferCoreBits, GlobalBufferLineBits);

        var (peSideMm, tileSideUm) = (sides.PeUm / 1000, sides.TileUm);
        var tilePathMm = NeuroSimCircuitFigures.TreePath(p, p, peSideMm, peSideMm);
        var subarraysDown = (int)Math.Ceiling((double)pe / rows);
        var subarraysAcross = (int)Math.Ceiling((double)pe / columns);
        var inBusMm = columns * NeuroSimCircuitFigures.ColumnPitchUm * (subarraysAcross - 1) / 1000;
        var outBusMm = NeuroSimCircuitFigures.SubarrayHeightUm(adc) * (subarraysDown - 1) / 1000;

        double bufferFj = 0;
        double wirePj = 0;
        foreach (var (kt, nt) in layer.TileBlocks(t))
        {
            var tileIn = kt * w * b;
            var tileOut = nt * (tileWord + 1) * w;
            bufferFj += (tileIn * (read + inWrite)) + (tileOut * (read + outWrite));
            wirePj += (tileIn + tileOut) * tilePathMm * NeuroSimCircuitFigures.TreePjPerBitMm;
            foreach (var (kp, np) in ChargedPes(layer, kt, nt, pe, p))
            {
                bufferFj += ((kp * w * b) + (np * peWord * w)) * NeuroSimCircuitFigures.FlipFlopBitFj;
                wirePj += ((kp * w * b * inBusMm) + (np * adc * w * outBusMm)) * NeuroSimCircuitFigures.BusPjPerBitMm;
            }
        }

        var down = (double)layer.MatrixRows * b * w;
        var up = (double)layer.MatrixColumns * b * w / (layer.Pooled ? 4 : 1);
        bufferFj += (down * read) + (up * globalWrite);
        var gridRows = (int)Math.Ceiling(Math.Sqrt(plan.Tiles));
        var gridColumns = (int)Math.Ceiling((double)plan.Tiles / gridRows);
        var globalPathMm = NeuroSimCircuitFigures.TreePath(gridRows, gridColumns, tileSideUm / 1000, tileSideUm / 1000);
        wirePj += Math.Ceiling((down + up) / globalBusBits) * globalBusBits * globalPathMm * NeuroSimCircuitFigures.TreePjPerBitMm;
        return (bufferFj / 1000, wirePj);
    }

    /// <summary>Whether the layer's copies fill a tile's p × p PEs both ways, so that NeuroSim hands one PE the whole tile
    /// block (Tile.cpp's "fully duplicated" case).</summary>
    internal static bool FillsPes(NeuroSimLayerPlan layer, int p)
    {
        var columnCopies = Math.Max(1, layer.ColumnSpeedUp);
        return layer.SpeedUp / columnCopies >= p && columnCopies >= p;
    }

    /// <summary>The PE blocks (rows, columns) a tile block of <paramref name="kt"/> × <paramref name="nt"/> cells charges.</summary>
    internal static IEnumerable<(int Rows, int Columns)> ChargedPes(NeuroSimLayerPlan layer, int kt, int nt, int pe, int p)
    {
        if (FillsPes(layer, p))
        {
            yield return (kt, nt);
            yield break;
        }

        var full = layer.SpeedUp <= 1;
        var last = (Rows: 0, Columns: 0);
        for (var i = 0; i < (full ? p : Math.Ceiling((double)kt / pe)); i++)
        {
            for (var j = 0; j < (full ? p : Math.Ceiling((double)nt / pe)); j++)
            {
                if (i * pe < kt && j * pe < nt)
                {
                    last = (Math.Min(pe, kt - (i * pe)), Math.Min(pe, nt - (j * pe)));
                }

                yield return last;
            }
        }
    }
}
