using BnnCompiler.Hardware;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// Device-to-device variation of the programmed conductance, drawn once per cell per trial from a standard
/// normal z:
/// <list type="bullet">
/// <item>log-normal: G = G₀ · exp(σ z), so ln(G/G₀) has standard deviation σ and the median is G₀ (the mean is
/// G₀·exp(σ²/2)); the usual model for RRAM programming spread (e.g. NeuroSim's device-to-device variation
/// on conductance; CrossSim's and aihwkit's programming-noise models are multiplicative in the same way);</item>
/// <item>Gaussian: G = G₀ · (1 + σ z), clipped at 0 (a conductance cannot be negative), so G/G₀ has standard
/// deviation σ for σ well below 1/3.</item>
/// </list>
/// </summary>
public sealed record DeviceVariationModel(VariationDistribution Distribution, double Sigma)
{
    public static DeviceVariationModel From(VariationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new DeviceVariationModel(spec.Distribution, spec.Sigma);
    }

    public bool IsActive => Sigma != 0;

    /// <summary>The programmed conductance of a cell of nominal conductance <paramref name="nominal"/>, for draw z.</summary>
    public double Apply(double nominal, double z) =>
        !IsActive ? nominal
        : Distribution == VariationDistribution.LogNormal ? nominal * Math.Exp(Sigma * z)
        : Math.Max(0.0, nominal * (1.0 + (Sigma * z)));
}
