namespace BnnCompiler.Circuits.Activity.NeuroSim;

/// <summary>
/// DNN+NeuroSim V1.3's H-tree (HTree.cpp) over a grid of <c>rows × columns</c> leaves of a given height and width: its
/// layout area and the time a transfer from the root to a leaf takes. With n = ⌈log2 max(rows, columns)⌉ levels and
/// c = ⌊log2 min(rows, columns)⌋ (one less when that leaves no column beyond it), its vertical and horizontal stages
/// halve from 2^(n−1) leaves long, and a main bus of min(columns − c, c) leaf widths leads to the root.
/// <list type="bullet">
/// <item>Area: the stages below the top, i = 1 … n − 1, each of length 2^(n−1−i) leaves, carry i · bus repeaters side by
/// side (their widths across a vertical stage, their heights across a horizontal one) over half their length; the main
/// bus carries bus repeater heights; all divided by the layout's folding.</item>
/// <item>Delay: every stage, i = 0 … n − 1, and the main bus at the repeated wire's delay per length, which is lower on
/// stages of 100,000 F (2.2 mm) or longer (NeuroSim doubles their wire width). A transfer takes ⌈delay / 1 ns⌉ clock
/// cycles: the tree sizes its latency in cycles of the 1 GHz clock it is initialised at, and the chip then counts
/// those cycles at its own clock.</item>
/// </list>
/// <code>
/// before: rows, columns, the leaf's sides, the bus width
/// after:  µm² of tree, ns per transfer, cycles per transfer
/// </code>
/// </summary>
public static class NeuroSimHTree
{
    /// <summary>The repeated wire's delay (ns per mm) on stages shorter than 2.2 mm (80 nm wide) and on longer ones
    /// (160 nm): 0.377283 and 0.354362 (HTree.cpp with its 0.1 delay tolerance, printed by NeuroSim V1.3 for this configuration).</summary>
    public const double ShortWireNsPerMm = 0.377283;

    /// <summary>The longer stages' delay, ns per mm.</summary>
    public const double LongWireNsPerMm = 0.354362;

    /// <summary>Stages of this length or longer (100,000 F at 22 nm) are laid out on the wider wire, µm.</summary>
    public const double LongWireUm = 2200;

    /// <summary>The clock period the tree counts its cycles in (its 1 GHz initial clock), ns.</summary>
    public const double TreeCycleNs = 1.0;

    /// <summary>The tree's area in µm².</summary>
    public static double AreaUm2(int rows, int columns, double leafHeightUm, double leafWidthUm, double busBits, double fold)
    {
        var n = Levels(rows, columns);
        double area = 0;
        for (var i = 1; i < n; i++)
        {
            var leaves = Math.Pow(2, n - 1 - i);
            area += i * busBits * NeuroSimAreaFigures.RepeaterWidthUm * leafHeightUm * leaves / 2;
            area += i * busBits * NeuroSimAreaFigures.RepeaterHeightUm * leafWidthUm * leaves / 2;
        }

        area += busBits * NeuroSimAreaFigures.RepeaterHeightUm * MainBusLeaves(rows, columns) * leafWidthUm;
        return area / fold;
    }

    /// <summary>A root-to-leaf transfer's wire delay in ns.</summary>
    public static double DelayNs(int rows, int columns, double leafHeightUm, double leafWidthUm)
    {
        var n = Levels(rows, columns);
        double delay = 0;
        for (var i = 0; i < n; i++)
        {
            var leaves = Math.Pow(2, n - 1 - i);
            delay += Wire(leafHeightUm * leaves) + Wire(leafWidthUm * leaves);
        }

        return delay + (n > 0 ? Wire(MainBusLeaves(rows, columns) * leafWidthUm, leafWidthUm) : 0);
    }

    /// <summary>Clock cycles one transfer takes: ⌈delay / 1 ns⌉.</summary>
    public static double CyclesPerTransfer(int rows, int columns, double leafHeightUm, double leafWidthUm) =>
        Math.Ceiling((DelayNs(rows, columns, leafHeightUm, leafWidthUm) / TreeCycleNs) - 1e-9);

    private static int Levels(int rows, int columns) => (int)Math.Ceiling(Math.Log2(Math.Max(1, Math.Max(rows, columns))));

    private static int MainBusLeaves(int rows, int columns)
    {
        var center = (int)Math.Floor(Math.Log2(Math.Max(1, Math.Min(rows, columns))));
        if (columns - center < 1)
        {
            center -= 1;
        }

        return Math.Min(columns - center, center);
    }

    /// <summary>Delay of a wire of <paramref name="lengthUm"/>, at the rate of a stage <paramref name="stageUm"/> long.</summary>
    private static double Wire(double lengthUm, double? stageUm = null) =>
        lengthUm / 1000 * ((stageUm ?? lengthUm) >= LongWireUm ? LongWireNsPerMm : ShortWireNsPerMm);
}
