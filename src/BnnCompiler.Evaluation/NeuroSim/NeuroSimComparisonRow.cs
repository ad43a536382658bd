namespace BnnCompiler.Evaluation.NeuroSim;

/// <summary>One figure of the comparison: the quantity and component, its unit, this project's value, NeuroSim's and their ratio (ours / NeuroSim).</summary>
public sealed record NeuroSimComparisonRow(string Quantity, string Component, string Unit, double Ours, double NeuroSim)
{
    /// <summary>Ours / NeuroSim; NaN when NeuroSim's figure is zero.</summary>
    public double Ratio => NeuroSim == 0 ? double.NaN : Ours / NeuroSim;
}
