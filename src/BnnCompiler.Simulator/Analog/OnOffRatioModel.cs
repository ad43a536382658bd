using BnnCompiler.Hardware;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// Nominal conductances of the cell states, in units of G_on = 1/R_on (so an On cell read at the read voltage
/// carries one count). Ideal (<c>finite_on_off_ratio: false</c>): an Off cell conducts nothing. Finite ratio:
/// an Off cell conducts G_off/G_on = R_on/R_off = 1/ratio (for the study's RRAM, 6 kΩ / 900 kΩ = 1/150).
/// A reference cell of the one-cell-reference mode sits at (G_on + G_off)/2. The ADC references stay placed
/// for the ideal states (level i = i·Δ·G_on·V_read), so each driven Off cell adds 1/ratio of a count: a column
/// with m matches out of D driven rows reads m + (D − m)/ratio in the two-cell row layout.
/// </summary>
public sealed record OnOffRatioModel(double OffConductance)
{
    public static OnOffRatioModel From(NonIdealitySpec nonIdealities, CellSpec cell)
    {
        ArgumentNullException.ThrowIfNull(nonIdealities);
        ArgumentNullException.ThrowIfNull(cell);
        return new OnOffRatioModel(nonIdealities.FiniteOnOffRatio ? cell.ROnOhm / cell.ROffOhm : 0.0);
    }

    public const double OnConductance = 1.0;

    public double ReferenceConductance => (OnConductance + OffConductance) / 2;
}
