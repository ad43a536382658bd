using BnnCompiler.Hardware;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// Conductance drift after programming: G(t) = G(t₀) · (t/t₀)^(−ν), with the drift exponent ν drawn per cell
/// per trial from N(ν̄, σ_ν) (z standard normal: ν = ν̄ + σ_ν z). The power law and the per-device spread of ν are
/// those measured for phase-change memory (Ielmini et al., IEEE TED 54(2), 2007; ν of about 0.1 for the amorphous
/// state) and used by aihwkit's PCM inference model; RRAM and FeFET retention loss is fitted the same way with
/// smaller ν. Evaluated at the read time t of the spec; no drift compensation is applied (the ADC references stay
/// at the programmed levels). Inactive when t ≤ t₀.
/// </summary>
public sealed record DriftModel(double ReadTimeS, double ReferenceTimeS, double Nu, double NuSigma)
{
    public static DriftModel From(DriftSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new DriftModel(spec.ReadTimeS, spec.ReferenceTimeS, spec.Nu, spec.NuSigma);
    }

    public bool IsActive => ReadTimeS > ReferenceTimeS && (Nu != 0 || NuSigma != 0);

    /// <summary>The drift exponent of a cell with draw z.</summary>
    public double Exponent(double z) => Nu + (NuSigma * z);

    /// <summary>G(t)/G(t₀) for a cell with draw z (1 when inactive).</summary>
    public double Factor(double z) => IsActive ? Math.Pow(ReadTimeS / ReferenceTimeS, -Exponent(z)) : 1.0;
}
