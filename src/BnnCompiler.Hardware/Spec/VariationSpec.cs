namespace BnnCompiler.Hardware;

/// <summary>Device-to-device (programming) variation of the conductance.</summary>
public sealed record VariationSpec
{
    public required VariationDistribution Distribution { get; init; }

    /// <summary>Log-normal: σ of ln G. Gaussian: σ of G relative to G.</summary>
    public required double Sigma { get; init; }
}
