namespace BnnCompiler.Evaluation.Sweep;

/// <summary>One configuration of a sweep: its index in the full grid and the spec overrides that define it.</summary>
public sealed record SweepPoint(int Index, IReadOnlyList<KeyValuePair<string, string>> Knobs)
{
    /// <summary>The knobs as <c>key=value</c> overrides for the hardware spec loader.</summary>
    public IReadOnlyList<string> Overrides => Knobs.Select(k => $"{k.Key}={k.Value}").ToList();

    public override string ToString() => string.Join(" ", Overrides);
}
