using BnnCompiler.Hardware;

namespace BnnCompiler.Circuits.Technology;

/// <summary>
/// Technology parameters per node (130, 90, 65, 45, 32, 22, 14, 7 nm) for low-standby-power (LSTP) and
/// high-performance (HP) transistors. Sources, column by column (docs/cost-model.md repeats them):
/// <list type="bullet">
/// <item>V_dd, gate capacitance (ideal + fringe, plus overlap = 0.2 × ideal for planar nodes), on- and off-current:
/// the Predictive Technology Model cards (PTM, ptm.asu.edu: 130–22 nm bulk, 14 and 7 nm FinFET, HP and LP), as
/// tabulated in DNN+NeuroSim's technology file. PTM fixes I_off at 100 nA/µm (HP) and 100 pA/µm (LP).</item>
/// <item>Wire width, aspect ratio and resistivity with size effects: ITRS interconnect tables, as used by NeuroSim
/// (wire widths 175/110/105/80/56/40/25/18 nm); wire capacitance about 0.2 fF/µm at every node (ITRS).</item>
/// <item>Comparator power of the current-mode multi-level sense amplifier and its sense time: NeuroSim's SPICE
/// characterisation of that circuit (X. Peng et al., "DNN+NeuroSim V2.0", IEEE TCAD 2020; the per-level power
/// terms of its multi-level sense amplifier, LP and HP).</item>
/// </list>
/// </summary>
public static class TechnologyTable
{
    /// <summary>Nodes the table holds, largest first.</summary>
    public static IReadOnlyList<int> Nodes { get; } = [130, 90, 65, 45, 32, 22, 14, 7];

    private static readonly IReadOnlyList<TechnologyNode> Lstp =
    [
        Row(130, false, 1.30, 3.182, 300.7, 0.1, 175, 1.6, 2.20, 18.09, 1.0),
        Row(90, false, 1.20, 2.810, 346.3, 0.1, 110, 1.6, 2.52, 12.612, 1.3),
        Row(65, false, 1.10, 2.393, 400.0, 0.1, 105, 1.7, 2.68, 8.4147, 1.0),
        Row(45, false, 1.00, 1.957, 500.2, 0.1, 80, 1.7, 3.31, 6.3162, 1.0),
        Row(32, false, 0.90, 1.691, 600.2, 0.1, 56, 1.8, 3.70, 3.0875, 1.0),
        Row(22, false, 0.85, 1.430, 791.9, 0.1, 40, 1.9, 4.03, 1.7, 1.0),
        Row(14, false, 0.80, 1.057, 893.0, 0.1, 25, 2.0, 5.08, 1.0, 1.0),
        Row(7, false, 0.70, 0.850, 822.0, 0.1, 18, 2.0, 6.35, 0.35, 1.0),
    ];

    private static readonly IReadOnlyList<TechnologyNode> Hp =
    [
        Row(130, true, 1.30, 1.339, 930.0, 100, 175, 1.6, 2.20, 19.898, 1.0),
        Row(90, true, 1.20, 1.249, 1070.0, 100, 110, 1.6, 2.52, 13.09, 1.0),
        Row(65, true, 1.10, 1.111, 1120.0, 100, 105, 1.7, 2.68, 9.9579, 1.0),
        Row(45, true, 1.00, 0.987, 1270.0, 100, 80, 1.7, 3.31, 7.7017, 1.0),
        Row(32, true, 0.90, 0.924, 1410.0, 100, 56, 1.8, 3.70, 3.9648, 1.0),
        Row(22, true, 0.85, 0.848, 1500.0, 100, 40, 1.9, 4.03, 1.8939, 1.0),
        Row(14, true, 0.80, 1.257, 1686.0, 100, 25, 2.0, 5.08, 1.2, 1.0),
        Row(7, true, 0.70, 1.049, 1912.0, 100, 18, 2.0, 6.35, 0.5, 1.0),
    ];

    /// <summary>
    /// The row for a node and roadmap. A node between two tabulated ones takes the nearest larger node's row
    /// (a conservative choice) with its own feature size; nodes above 130 nm take the 130 nm row.
    /// </summary>
    public static TechnologyNode Get(int nodeNm, DeviceRoadmap roadmap)
    {
        var rows = roadmap == DeviceRoadmap.Hp ? Hp : Lstp;
        var exact = rows.FirstOrDefault(r => r.NodeNm == nodeNm);
        if (exact is not null)
        {
            return exact;
        }

        var larger = rows.Where(r => r.NodeNm > nodeNm).OrderBy(r => r.NodeNm).FirstOrDefault() ?? rows[0];
        return larger with { NodeNm = nodeNm };
    }

    /// <summary>The row for a spec's technology section; its supply voltage is the spec's own.</summary>
    public static TechnologyNode For(TechnologySpec spec) => Get(spec.NodeNm, spec.DeviceRoadmap) with { VddV = spec.VddV };

    private static TechnologyNode Row(
        int node, bool hp, double vdd, double capFfPerUm, double ionUaPerUm, double ioffNaPerUm, double wireWidthNm,
        double aspectRatio, double resistivity, double comparatorPowerUw, double senseTimeNs) => new()
        {
            NodeNm = node,
            HighPerformance = hp,
            VddV = vdd,
            GateCapFfPerUm = capFfPerUm,
            OnCurrentUaPerUm = ionUaPerUm,
            OffCurrentNaPerUm = ioffNaPerUm,
            WireWidthNm = wireWidthNm,
            WireAspectRatio = aspectRatio,
            WireResistivityUohmCm = resistivity,
            WireCapFfPerUm = 0.2,
            SenseComparatorPowerUw = comparatorPowerUw,
            SenseTimeNs = senseTimeNs,
        };
}
