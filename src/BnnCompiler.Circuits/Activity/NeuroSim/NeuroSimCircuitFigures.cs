namespace BnnCompiler.Circuits.Activity.NeuroSim;

/// <summary>
/// DNN+NeuroSim V1.3's circuit figures for the study's configuration (22 nm LSTP, RRAM 1T1R 128 × 128 subarrays,
/// current-mode multi-level sense amplifiers sharing 8 columns, register-file buffers, H-tree delay tolerance 0.1, PE
/// buses without), evaluated from its models at commit 388f421 (files named per figure) and used only by the
/// NeuroSim-compatible accounting; the physical accounting keeps this project's own circuit models. The equations are
/// restated here in this project's words; no code of NeuroSim's is used.
/// </summary>
public static class NeuroSimCircuitFigures
{
    /// <summary>One register-file bit read (DFF.cpp: the flip-flop clocked once, its clock and data nodes charged): 5.104 fJ.
    /// Buffer.cpp charges every bit read from a register-file buffer this, whatever the buffer's size.</summary>
    public const double RegisterBitReadFj = 5.104;

    /// <summary>A PE's flip-flop buffers (ProcessingUnit.cpp) charge the same flip-flop per bit that passes.</summary>
    public const double FlipFlopBitFj = RegisterBitReadFj;

    /// <summary>An H-tree bit per mm (HTree.cpp): repeaters sized for the optimal delay, then shrunk while the delay stays within
    /// 1.1 × optimum, on a 0.2 fF/µm wire, activity 0.25: 0.04869 pJ.</summary>
    public const double TreePjPerBitMm = 0.04869;

    /// <summary>A PE bus bit per mm (Bus.cpp): the same repeated wire with repeaters at the optimal delay: 0.05848 pJ.</summary>
    public const double BusPjPerBitMm = 0.05848;

    /// <summary>Leakage of one adder bit (Adder.cpp, a full adder of its NAND gates): 0.13422 nW.</summary>
    public const double AdderBitLeakageNw = 0.13422;

    /// <summary>Leakage of one flip-flop (DFF.cpp): 0.078166 nW; a register-file bit leaks two of these.</summary>
    public const double FlipFlopLeakageNw = 0.078166;

    /// <summary>Leakage of a register file's row decoder per line beyond the first (Buffer.cpp; 0.80 nW for 16 lines).</summary>
    public const double DecoderLeakageNwPerLine = 0.0533;

    /// <summary>A subarray's leakage (nW) at 3 to 8 ADC bits: its switch matrices, multiplexers and sense amplifiers'
    /// encoders (an inverter and a NAND gate per level, MultilevelSAEncoder.cpp), 47.72, 54.22, 67.28, 94.10, 149.65,
    /// 265.17 nW.</summary>
    private static readonly double[] SubarrayLeakagesNw = [47.723, 54.219, 67.282, 94.096, 149.648, 265.173];

    private const int TileBufferCoreBits = 32 * 32;

    private const int TileBufferCoreLineBits = 32;

    /// <summary>A subarray read's bit-line energy, charged once for each of the columns a sense amplifier serves
    /// (SubArray.cpp: the bit lines of the 16 selected columns at the read voltage, 8 times): 0.0717 pJ.</summary>
    public const double ArrayReadPj = 0.0717;

    /// <summary>A subarray read's word-line energy per driven row (its word line charged to Vdd once for each of the 8
    /// columns a sense amplifier serves): 0.30704 pJ.</summary>
    public const double WordLinePjPerDrivenRow = 0.30704;

    /// <summary>A subarray read's periphery outside the ADC (SubArray.cpp: the row switch matrix, the column multiplexers
    /// and their decoder, once per multiplexed column): 5.2708 pJ, at every ADC resolution.</summary>
    public const double PeripheryPjPerRead = 5.2708;

    /// <summary>The row switch matrix's share per driven row: 0.016691 pJ.</summary>
    public const double PeripheryPjPerDrivenRow = 0.016691;

    /// <summary>The subarray's width in its layout: 128 columns of 2.2087 µm (the 1T1R cell's pitch with the switch matrix's two
    /// pass gates a column, SubArray.cpp): 282.7 µm.</summary>
    public const double ColumnPitchUm = 2.2087;

    /// <summary>The subarray's height in its layout (µm) at 3 to 8 ADC bits: the array with its switch matrices and column
    /// multiplexers, and under it the sense amplifiers' comparators (levels − 1 per ADC, laid out across the array's width,
    /// MultilevelSenseAmp.cpp) and their encoders, whose wide NAND gates stack in more rows as the levels grow
    /// (MultilevelSAEncoder.cpp): 100.3, 146.6, 239.2, 463.1, 951.0, 2,320.5 µm.</summary>
    private static readonly double[] SubarrayHeightsUm = [100.310, 146.592, 239.156, 463.093, 951.006, 2320.46];

    /// <summary>NeuroSim's clock period (ns) at 3 to 8 ADC bits: its sensing path (the row switch matrix, the column
    /// multiplexer and the current-mode sense amplifier's settling for the column currents of a 128-row read,
    /// SubArray.cpp with MultilevelSenseAmp.cpp), which sets its synchronous clock: 1.932, 1.968, 2.039, 2.180, 2.460,
    /// 3.020 ns.</summary>
    private static readonly double[] ClockPeriodsNs = [1.93155, 1.96796, 2.03892, 2.17950, 2.45982, 3.01999];

    private const int FirstTableAdcBits = 3;

    /// <summary>Decoder energy per written line of a register-file buffer (Buffer.cpp: its row decoder charged once a line),
    /// measured for the three sizes the configuration builds: 1 line (tile input buffer) 1.052 fJ, 16 lines (tile output
    /// buffer) 10.95 fJ, 128 lines (global buffer core) 86.70 fJ; between them log-log interpolated.</summary>
    public static double DecoderFjPerLine(double lines)
    {
        (double Lines, double Fj)[] points = [(1, 1.052), (16, 10.954), (128, 86.698)];
        var x = Math.Max(1, lines);
        var i = x <= points[1].Lines ? 0 : 1;
        var (l0, e0) = points[i];
        var (l1, e1) = points[i + 1];
        var slope = Math.Log(e1 / e0) / Math.Log(l1 / l0);
        return e0 * Math.Pow(x / l0, slope);
    }

    /// <summary>Energy per bit written into a register-file buffer of <paramref name="bits"/> bits read and written
    /// <paramref name="lineBits"/> a line: the decoder's energy for all its lines spread over its bits, in fJ.</summary>
    public static double RegisterBitWriteFj(double bits, double lineBits)
    {
        var lines = Math.Ceiling(bits / Math.Max(1, lineBits));
        return DecoderFjPerLine(lines) * lines / Math.Max(1, bits);
    }

    /// <summary>The subarray's height in NeuroSim's layout (µm) for <paramref name="adcBits"/>-bit sense amplifiers; outside
    /// 3–8 bits extended geometrically from the nearest two.</summary>
    public static double SubarrayHeightUm(int adcBits) => ByAdcBits(SubarrayHeightsUm, adcBits);

    /// <summary>
    /// Sense energy of one used column in one read (pJ), <paramref name="drivenRows"/> rows driven (MultilevelSenseAmp.cpp,
    /// current mode, 22 nm): its levels − 1 comparators, 0.00248 + 0.0017 · (2^A − 1) pJ, and its column current over the
    /// conversion, 0.004082 · d / (1 + d / 1501) pJ for d driven rows: the current grows with the rows and the conversion
    /// shortens as it does. Through the reads NeuroSim V1.3 printed for ns-cnn1 at ADC 3, 5 and 8 (9, 57.6 and 64 rows
    /// driven: 0.0144 / 0.0551 / 0.4359 pJ of comparators, the same current term at every resolution) and for ns-cnn3's
    /// second layer at ADC 3, whose PEs read a whole 512-row block at once (256 rows driven: 0.9072 pJ a column).
    /// </summary>
    public static double SensePjPerColumn(int adcBits, double drivenRows) =>
        0.00248 + (0.0017 * ((1 << adcBits) - 1)) + (0.004082 * drivenRows / (1 + (drivenRows / 1501)));

    /// <summary>The encoders of a subarray's 16 sense amplifiers per read (MultilevelSAEncoder.cpp, an inverter and a NAND
    /// gate per level and output bit at its 5 % activity): 0.0088 pJ · (2^A + A); 0.098, 0.323, 2.326 pJ at ADC 3, 5, 8.</summary>
    public static double EncoderPjPerRead(int adcBits) => 0.0088 * ((1 << adcBits) + adcBits);

    /// <summary>A subarray's leakage (nW) for <paramref name="adcBits"/>-bit sense amplifiers; outside 3–8 bits extended
    /// geometrically from the nearest two.</summary>
    public static double SubarrayLeakageNw(int adcBits) => ByAdcBits(SubarrayLeakagesNw, adcBits);

    /// <summary>A tile register file of <paramref name="bits"/> bits read <paramref name="lineBits"/> a line, or one 32 × 32
    /// core when it would be larger (Tile.cpp).</summary>
    public static (double Bits, double LineBits) TileRegisterFile(double bits, double lineBits) =>
        bits < TileBufferCoreBits ? (bits, lineBits) : (TileBufferCoreBits, TileBufferCoreLineBits);

    /// <summary>Leakage (nW) of a register file of the given size: two flip-flops a bit and its decoder.</summary>
    public static double RegisterFileLeakageNw((double Bits, double LineBits) file)
    {
        var lines = Math.Ceiling(file.Bits / Math.Max(1, file.LineBits));
        return (2 * file.Bits * FlipFlopLeakageNw) + ((lines - 1) * DecoderLeakageNwPerLine);
    }

    /// <summary>NeuroSim's clock period (ns) for <paramref name="adcBits"/>-bit sense amplifiers; outside 3–8 bits extended
    /// geometrically from the nearest two.</summary>
    public static double ClockPeriodNs(int adcBits) => ByAdcBits(ClockPeriodsNs, adcBits);

    /// <summary>
    /// The wire a bit travels between an H-tree's root and a leaf (HTree.cpp, root-to-leaf transfer), in the units of the
    /// leaf's sides: with n = ⌈log2 max(rows, columns)⌉ levels the halving vertical and horizontal stages add
    /// (h + w)(2^n − 1) / 2, and the main bus min(columns − c, c) · w with c = ⌊log2 min(rows, columns)⌋ (one less when
    /// that leaves no column beyond it).
    /// </summary>
    public static double TreePath(int rows, int columns, double leafHeight, double leafWidth)
    {
        var levels = (int)Math.Ceiling(Math.Log2(Math.Max(1, Math.Max(rows, columns))));
        var stages = (leafHeight + leafWidth) * ((1 << levels) - 1) / 2;
        var center = (int)Math.Floor(Math.Log2(Math.Max(1, Math.Min(rows, columns))));
        if (columns - center < 1)
        {
            center -= 1;
        }

        return stages + (Math.Min(columns - center, center) * leafWidth);
    }

    internal static double ByAdcBits(double[] table, int adcBits)
    {
        var i = adcBits - FirstTableAdcBits;
        if (i >= 0 && i < table.Length)
        {
            return table[i];
        }

        return i < 0 ? table[0] * Math.Pow(table[0] / table[1], -i) : table[^1] * Math.Pow(table[^1] / table[^2], i - table.Length + 1);
    }
}
