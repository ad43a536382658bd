namespace BnnCompiler.Circuits.Activity;

/// <summary>
/// Counts of every <see cref="ChipAction"/> (one entry per row of <see cref="ChipActions.All"/>). Immutable: one
/// generic <see cref="Plus"/> and <see cref="Scale"/> cover every row, so a new row needs no new arithmetic. Two tables
/// are equal when every row's count is.
/// </summary>
public sealed class ActionTable : IEquatable<ActionTable>
{
    private readonly long[] _counts;

    private ActionTable(long[] counts) => _counts = counts;

    public static ActionTable Empty { get; } = new(new long[ChipActions.All.Count]);

    public long this[ChipAction action] => _counts[action.Index];

    /// <summary>Builds a table from (action, count) pairs; an action listed twice adds.</summary>
    public static ActionTable Of(params (ChipAction Action, long Count)[] entries)
    {
        var counts = new long[ChipActions.All.Count];
        foreach (var (action, count) in entries)
        {
            counts[action.Index] += count;
        }

        return new ActionTable(counts);
    }

    /// <summary>A table from one count per row of <see cref="ChipActions.All"/>, in its order.</summary>
    public static ActionTable FromCounts(IReadOnlyList<long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count != ChipActions.All.Count)
        {
            throw new ArgumentException($"one count per action row ({ChipActions.All.Count}) expected, got {counts.Count}", nameof(counts));
        }

        return new ActionTable([.. counts]);
    }

    /// <summary>This table with <paramref name="action"/> counted <paramref name="count"/> times instead.</summary>
    public ActionTable With(ChipAction action, long count)
    {
        var counts = (long[])_counts.Clone();
        counts[action.Index] = count;
        return new ActionTable(counts);
    }

    public ActionTable Plus(ActionTable other) => new(_counts.Zip(other._counts, (a, b) => a + b).ToArray());

    public ActionTable Scale(long factor) => factor == 1 ? this : new(_counts.Select(c => c * factor).ToArray());

    /// <summary>Every row with its count, in table order.</summary>
    public IEnumerable<(ChipAction Action, long Count)> Entries => ChipActions.All.Select(a => (a, _counts[a.Index]));

    public bool Equals(ActionTable? other) => other is not null && _counts.AsSpan().SequenceEqual(other._counts);

    public override bool Equals(object? obj) => Equals(obj as ActionTable);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var c in _counts)
        {
            hash.Add(c);
        }

        return hash.ToHashCode();
    }
}
