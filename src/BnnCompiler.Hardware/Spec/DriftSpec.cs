namespace BnnCompiler.Hardware;

/// <summary>Conductance drift G(t) = G(t0) · (t / t0)^(−ν), ν drawn per cell from N(nu, nu_sigma).</summary>
public sealed record DriftSpec
{
    /// <summary>Time from programming to the read, in s (0 = no drift).</summary>
    public required double ReadTimeS { get; init; }

    /// <summary>Reference time t0 at which the programmed conductance holds, in s.</summary>
    public required double ReferenceTimeS { get; init; }

    public required double Nu { get; init; }

    public required double NuSigma { get; init; }

    public bool IsActive => ReadTimeS > ReferenceTimeS && (Nu != 0 || NuSigma != 0);
}
