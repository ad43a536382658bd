namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// Cycle-to-cycle read noise: on every read each driven cell's conductance is G·(1 + σ_r z) with a fresh
/// standard normal z per cell and read (the Gaussian read-noise model of CrossSim and of NeuroSim's
/// cycle-to-cycle variation). A column sums independent cells, so its current is Gaussian with standard
/// deviation σ_r·√(Σ G_i²) over the driven cells (G in count units); the simulator draws that once per column
/// and read instead of once per cell, which has the same distribution.
/// </summary>
public sealed record ReadNoiseModel(double Sigma)
{
    public bool IsActive => Sigma != 0;

    /// <summary>Standard deviation of a column's count for Σ G² = <paramref name="sumOfSquares"/>.</summary>
    public double ColumnSigma(double sumOfSquares) => Sigma * Math.Sqrt(Math.Max(0.0, sumOfSquares));
}
