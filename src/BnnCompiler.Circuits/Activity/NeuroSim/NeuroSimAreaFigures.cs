namespace BnnCompiler.Circuits.Activity.NeuroSim;

/// <summary>
/// DNN+NeuroSim V1.3's layout figures for the study's configuration (22 nm, RRAM 1T1R 128 × 128 subarrays written at
/// 2 V, current-mode multi-level sense amplifiers sharing 8 columns, register-file buffers), evaluated from its models at
/// commit 388f421 (files named per figure) and used only by the NeuroSim-compatible area (<see cref="NeuroSimArea"/>).
/// The sizing rules are restated in this project's words; no code of NeuroSim's is used.
/// </summary>
public static class NeuroSimAreaFigures
{
    /// <summary>A 1T1R cell: 4 F tall, 12 F wide at F = 22 nm (its Param.cpp), in µm².</summary>
    public const double CellUm2 = 0.088 * 0.264;

    /// <summary>A subarray's periphery outside its sense amplifiers (SubArray.cpp, conventional parallel read): the level
    /// shifters of the 2 V write on its word, bit and source lines, its row and source-line switch matrices, its column
    /// multiplexers and their decoder: 4,452.5 µm², whatever the ADC resolution.</summary>
    public const double SubarrayPeripheryUm2 = 4452.49;

    /// <summary>One flip-flop (DFF.cpp): twelve minimum inverters side by side, 0.616 µm (28 F) tall and 2.0064 µm wide.</summary>
    public const double FlipFlopHeightUm = 0.616;

    /// <summary>The flip-flop's width, µm.</summary>
    public const double FlipFlopWidthUm = 2.0064;

    /// <summary>One full-adder bit (Adder.cpp: nine NAND2 gates): 1.3904 µm².</summary>
    public const double AdderBitUm2 = 1.390438;

    /// <summary>A 2 × 2 max-pool unit on 1-bit values (MaxPooling.cpp: three comparators with their enable gates): 9.8875 µm².
    /// Its comparators grow with the bits compared; the figure is scaled by the input bits.</summary>
    public const double MaxPoolUnitUm2PerBit = 9.88754;

    /// <summary>An H-tree repeater after the delay-tolerance shrink (HTree.cpp): 0.616 µm (28 F) tall, 1.0032 µm wide.</summary>
    public const double RepeaterHeightUm = 0.616;

    /// <summary>The repeater's width, µm.</summary>
    public const double RepeaterWidthUm = 1.00318;

    /// <summary>The chip H-tree's layout folding (Param.cpp treeFoldedRatio).</summary>
    public const double ChipTreeFold = 4;

    /// <summary>The tile H-tree's layout folding (Tile.cpp).</summary>
    public const double TileTreeFold = 16;

    /// <summary>The width of a subarray's layout: its columns at the 1T1R pitch with the switch matrix's pass gates
    /// (<see cref="NeuroSimCircuitFigures.ColumnPitchUm"/>).</summary>
    public static double SubarrayWidthUm(int columns) => columns * NeuroSimCircuitFigures.ColumnPitchUm;

    /// <summary>A subarray's sense amplifiers and encoders (µm²) at 3 to 8 ADC bits (MultilevelSenseAmp.cpp,
    /// MultilevelSAEncoder.cpp: levels − 1 comparators per ADC and an encoder of the levels, 16 ADCs a subarray):
    /// 1,368, 2,932, 6,060, 13,628, 30,115, 76,392 µm².</summary>
    private static readonly double[] SubarrayAdcUm2 = [1368.47, 2932.44, 6060.37, 13627.6, 30115.2, 76391.6];

    /// <summary>The sense amplifiers and encoders of one subarray (µm²); outside 3–8 bits extended geometrically.</summary>
    public static double SubarrayAdcArea(int adcBits) => NeuroSimCircuitFigures.ByAdcBits(SubarrayAdcUm2, adcBits);

    /// <summary>A register file's row decoder (Buffer.cpp, one address bit per halving of its lines): none for one line,
    /// 13.10 µm² for 16 lines, 147.1 µm² for 128; per line log-log interpolated between them.</summary>
    public static double DecoderArea(double lines)
    {
        if (lines <= 1)
        {
            return 0;
        }

        const double perLine16 = 13.0975 / 16;
        const double perLine128 = 147.12 / 128;
        var slope = Math.Log(perLine128 / perLine16) / Math.Log(128.0 / 16);
        return lines * perLine16 * Math.Pow(lines / 16, slope);
    }

    /// <summary>A register file of <paramref name="bits"/> bits read <paramref name="lineBits"/> a line (Buffer.cpp): a
    /// flip-flop a bit and its row decoder, µm².</summary>
    public static double RegisterFileArea(double bits, double lineBits) =>
        (bits * FlipFlopHeightUm * FlipFlopWidthUm) + DecoderArea(Math.Ceiling(bits / Math.Max(1, lineBits)));

    /// <summary>Flip-flops stacked in columns of a given height (DFF.cpp): as many as fit a column, as many columns as
    /// needed, µm².</summary>
    public static double FlipFlopColumnsArea(double count, double heightUm)
    {
        var perColumn = Math.Max(1, Math.Floor(heightUm / FlipFlopHeightUm));
        return heightUm * Math.Ceiling(count / perColumn) * FlipFlopWidthUm;
    }

    /// <summary>Flip-flops laid in rows of a given width (DFF.cpp), µm².</summary>
    public static double FlipFlopRowsArea(double count, double widthUm)
    {
        var perRow = Math.Max(1, Math.Floor(widthUm / FlipFlopWidthUm));
        return widthUm * Math.Ceiling(count / perRow) * FlipFlopHeightUm;
    }

    /// <summary>An adder tree's area (AdderTree.cpp, Adder.cpp): <paramref name="trees"/> trees adding
    /// <paramref name="inputs"/> words of <paramref name="bits"/> bits, nine NAND2 gates an adder bit.</summary>
    public static double AdderTreeArea(double trees, int inputs, int bits) => trees * NeuroSimLeakage.AdderBits(inputs, bits) * AdderBitUm2;
}
