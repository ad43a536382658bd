namespace BnnCompiler.Circuits.Technology;

/// <summary>
/// Standard-cell layout rules in units of F, used to turn transistor counts into area. Source: the CACTI 6.5 /
/// NVSim layout rules (N. Muralimanohar et al., HPL-2009-85; X. Dong et al., IEEE TCAD 2012), which DNN+NeuroSim
/// inherits: a logic row 28 F tall (34 F for FinFET), minimum transistor width 2 F, a contacted poly pitch of
/// poly width 1 F + gate-to-gate spacing 1.5 F (FinFET: 1.4 F + 3.9 F). A minimum transistor with its own
/// diffusion contacts occupies two poly pitches of one row: 2 × 2.5 F × 28 F = 140 F² (planar).
/// NeuroSim V1.3 ships a wider gate spacing (2.8 F, CPP 3.8 F), which makes every logic block 1.52× larger; the
/// study's ADC areas sit 1.4–1.7× below what that version prints (STUDY.md), consistent with the 2.5 F pitch.
/// </summary>
public static class LayoutRules
{
    public const double CellHeightF = 28;

    public const double FinFetCellHeightF = 34;

    public const double ContactedPolyPitchF = 2.5;

    public const double FinFetContactedPolyPitchF = 5.3;

    /// <summary>Minimum transistor width in F.</summary>
    public const double MinTransistorWidthF = 2;

    /// <summary>PMOS/NMOS width ratio of a balanced gate (PTM on-currents give 1.3–2; CACTI uses 2).</summary>
    public const double PnRatio = 2;

    /// <summary>Height of a standard-cell row in µm.</summary>
    public static double RowHeightUm(TechnologyNode tech) =>
        (tech.IsFinFet ? FinFetCellHeightF : CellHeightF) * tech.FeatureSizeUm;

    /// <summary>Contacted poly pitch in µm.</summary>
    public static double PolyPitchUm(TechnologyNode tech) =>
        (tech.IsFinFet ? FinFetContactedPolyPitchF : ContactedPolyPitchF) * tech.FeatureSizeUm;

    /// <summary>Footprint of one minimum transistor with its own contacts: two poly pitches of a row, in µm².</summary>
    public static double MinTransistorAreaUm2(TechnologyNode tech) => 2 * PolyPitchUm(tech) * RowHeightUm(tech);

    /// <summary>Width of a minimum transistor in µm.</summary>
    public static double MinWidthUm(TechnologyNode tech) => MinTransistorWidthF * tech.FeatureSizeUm;
}
