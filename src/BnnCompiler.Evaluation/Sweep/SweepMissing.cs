namespace BnnCompiler.Evaluation.Sweep;

/// <summary>What a sharded sweep still lacks of one point: its priced row (trial 0) and/or some of its trials.</summary>
public sealed record SweepMissing(int Point, bool Row, IReadOnlyList<int> Trials)
{
    public override string ToString() =>
        Trials.Count == 0 ? $"point {Point}" : $"point {Point} (trial{(Trials.Count > 1 ? "s" : string.Empty)} {string.Join(",", Trials)})";
}
