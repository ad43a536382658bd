using BnnCompiler.Evaluation.Sweep;

namespace BnnCompiler.Reports;

/// <summary>Views of sweep rows used by the tables and plots: the knee, the Pareto front, grouping by a knob.</summary>
public static class SweepTable
{
    public const string InputBitsKey = "readout.input_bits";
    public const string AdcBitsKey = "readout.adc_bits";

    /// <summary>The cheapest point (lowest dynamic energy) within one accuracy point of the best; null without accuracy.</summary>
    public static SweepRow? Knee(IReadOnlyList<SweepRow> rows)
    {
        var withAccuracy = rows.Where(r => r.SimulatedTop1 is not null).ToList();
        if (withAccuracy.Count == 0)
        {
            return null;
        }

        var best = withAccuracy.Max(r => r.SimulatedTop1!.Value);
        return withAccuracy.Where(r => r.SimulatedTop1 >= best - 0.01).MinBy(r => r.Cost.EnergyUj.Dynamic);
    }

    /// <summary>Points not dominated in (higher accuracy, lower cost), ordered by cost.</summary>
    public static IReadOnlyList<SweepRow> ParetoFront(IReadOnlyList<SweepRow> rows, Func<SweepRow, double> cost) =>
        rows.Where(r => r.SimulatedTop1 is not null)
            .Where(r => !rows.Any(o => o.SimulatedTop1 is not null && o != r
                && o.SimulatedTop1 >= r.SimulatedTop1 && cost(o) <= cost(r) && (o.SimulatedTop1 > r.SimulatedTop1 || cost(o) < cost(r))))
            .OrderBy(cost).ToList();

    /// <summary>The integer value of a knob, or null when the point does not set it.</summary>
    public static int? IntKnob(SweepRow row, string key) =>
        row.Knobs.TryGetValue(key, out var v) && int.TryParse(v, out var i) ? i : null;

    /// <summary>One row per ADC resolution (the point with the most input bits at that resolution).</summary>
    public static IReadOnlyList<SweepRow> ByAdcBits(IReadOnlyList<SweepRow> rows) =>
        rows.Where(r => IntKnob(r, AdcBitsKey) is not null)
            .GroupBy(r => IntKnob(r, AdcBitsKey)!.Value)
            .OrderBy(g => g.Key)
            .Select(g => g.MaxBy(r => IntKnob(r, InputBitsKey) ?? 0)!)
            .ToList();
}
