namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// Stuck-at faults, drawn per cell per trial from a uniform u ∈ [0, 1): u &lt; p_on → stuck at G_on; p_on ≤ u &lt;
/// p_on + p_off → stuck at G_off; otherwise the cell holds what was programmed. The number of stuck cells in
/// an array of n cells is then binomial(n, p_on + p_off) (faults independent per cell, the model of NeuroSim's
/// and CrossSim's fault injection; stuck-at rates of 1.75 % and 9.04 % for the two fault kinds were measured on an RRAM array, Chen et al., IEEE Trans. Computers 64(1), 2015).
/// A stuck cell keeps its stuck conductance: it sees neither programming variation nor drift.
/// </summary>
public sealed record StuckAtFaultModel(double StuckAtOnRate, double StuckAtOffRate)
{
    public bool IsActive => StuckAtOnRate != 0 || StuckAtOffRate != 0;

    public CellFault Draw(double u) =>
        u < StuckAtOnRate ? CellFault.StuckOn
        : u < StuckAtOnRate + StuckAtOffRate ? CellFault.StuckOff
        : CellFault.None;
}
