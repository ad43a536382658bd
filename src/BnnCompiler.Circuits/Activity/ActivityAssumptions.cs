namespace BnnCompiler.Circuits.Activity;

/// <summary>
/// What <see cref="AnalyticalActivity"/> assumes where it cannot look at data. Defaults are for random-looking
/// ±1 weights and activations; the simulator replaces them with what it saw.
/// </summary>
public sealed record ActivityAssumptions
{
    /// <summary>Fraction of read cells that conduct. Two cells per weight: the driven cell conducts when input and
    /// weight agree, which for independent ±1 values happens half the time.</summary>
    public double ConductingFraction { get; init; } = 0.5;

    /// <summary>Fraction of the rows of a two-row weight pair that are driven per read: one of the pair (x or ¬x).</summary>
    public double DrivenRowFraction { get; init; } = 0.5;

    /// <summary>Images the estimate is summed over.</summary>
    public long Images { get; init; } = 1;

    public static ActivityAssumptions Default { get; } = new();

    public string Describe() =>
        $"analytical: {ConductingFraction:0.##} of read cells conducting, {DrivenRowFraction:0.##} of weight rows driven per read";
}
