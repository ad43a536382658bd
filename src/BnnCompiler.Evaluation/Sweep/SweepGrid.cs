using BnnCompiler.Core.Diagnostics;

namespace BnnCompiler.Evaluation.Sweep;

/// <summary>
/// The cartesian product of swept spec keys, in a fixed order (first key slowest): each axis is a spec key
/// with its values, written <c>1..8</c> (an integer range) or <c>a,b,c</c> (a list).
/// </summary>
public static class SweepGrid
{
    public static IReadOnlyList<SweepPoint> Build(IReadOnlyList<(string Key, string Values)> axes)
    {
        var lists = axes.Select(a => (a.Key, Values: ParseValues(a.Key, a.Values))).ToList();
        var points = new List<SweepPoint>();
        var combos = new List<List<KeyValuePair<string, string>>> { new() };
        foreach (var (key, values) in lists)
        {
            combos = combos.SelectMany(c => values.Select(v => new List<KeyValuePair<string, string>>(c) { new(key, v) })).ToList();
        }

        for (var i = 0; i < combos.Count; i++)
        {
            points.Add(new SweepPoint(i, combos[i]));
        }

        return points;
    }

    /// <summary>Parses <c>lo..hi</c> (integers, inclusive) or a comma-separated list.</summary>
    public static IReadOnlyList<string> ParseValues(string key, string text)
    {
        var range = text.Split("..", StringSplitOptions.TrimEntries);
        if (range.Length == 2)
        {
            if (int.TryParse(range[0], out var lo) && int.TryParse(range[1], out var hi) && lo <= hi && hi - lo < 10_000)
            {
                return Enumerable.Range(lo, hi - lo + 1).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            }

            throw new DiagnosticException(Diagnostic.Error("BNN7001",
                $"sweep values of {key} must be an integer range lo..hi with lo ≤ hi, or a list a,b,c; got '{text}'", new SourceLocation("bnnc sweep")));
        }

        var values = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return values.Length > 0 ? values
            : throw new DiagnosticException(Diagnostic.Error("BNN7001", $"sweep values of {key} are empty", new SourceLocation("bnnc sweep")));
    }

    /// <summary>The points of shard i of n (every n-th point, starting at i).</summary>
    public static IReadOnlyList<SweepPoint> Shard(IReadOnlyList<SweepPoint> points, int index, int count) =>
        points.Where(p => p.Index % count == index).ToList();
}
