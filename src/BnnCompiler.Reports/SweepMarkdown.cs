using System.Globalization;
using System.Text;
using BnnCompiler.Core.Units;
using BnnCompiler.Evaluation.Sweep;

namespace BnnCompiler.Reports;

/// <summary>
/// report.md of a sweep: the accuracy grid (input bits × ADC bits), area, latency, energy and throughput of every
/// point of the grid with component columns, the per-layer table of the knee point, and the bottleneck paragraph.
/// Figures are in the unit that keeps them readable (<see cref="ScaledUnits"/>); results.csv/json keep fixed units.
/// </summary>
public static class SweepMarkdown
{
    private static readonly string[] Parts = ["crossbar", "adc", "accumulation", "interconnect", "buffer", "other"];

    public static string Build(string title, IReadOnlyList<SweepRow> rows, IReadOnlyList<string> plots)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"# {title}").AppendLine();
        sb.AppendLine(F($"{rows.Count} points; knobs: {string.Join(", ", rows.SelectMany(r => r.Knobs.Keys).Distinct())}.")).AppendLine();
        AccuracyGrid(sb, rows);
        var table = rows.OrderBy(r => r.Index).ToList();
        Section(sb, "Area", table, ScaledUnits.Area, r => r.Cost.AreaMm2.Total, r => r.Cost.AreaMm2.Breakdown.Items.Select(i => i.Value));
        Section(sb, "Latency per image (the total is the pipelined latency)", table, ScaledUnits.TimeFromMs, r => r.Cost.LatencyMs.Total, r => r.Cost.LatencyMs.Breakdown.Items.Select(i => i.Value));
        Section(sb, "Dynamic energy per image", table, ScaledUnits.Energy, r => r.Cost.EnergyUj.Dynamic, r => r.Cost.EnergyUj.Breakdown.Items.Select(i => i.Value));
        sb.AppendLine("## Throughput and efficiency").AppendLine();
        sb.AppendLine("| point | knobs | TOPS | TOPS/W | FPS | TOPS/mm² |").AppendLine("|---|---|---|---|---|---|");
        foreach (var r in table)
        {
            sb.AppendLine($"| {r.Index} | {Knobs(r)} | {ScaledUnits.Significant(r.Cost.Tops)} | {ScaledUnits.Significant(r.Cost.TopsPerW)} | {ScaledUnits.Significant(r.Cost.Fps)} | {ScaledUnits.Significant(r.Cost.TopsPerMm2)} |");
        }

        sb.AppendLine();
        var knee = SweepTable.Knee(rows) ?? table[^1];
        sb.AppendLine(F($"## Per layer, point {knee.Index} ({Knobs(knee)})")).AppendLine();
        sb.AppendLine("| layer | area | latency | energy | dominant area | dominant latency | dominant energy |").AppendLine("|---|---|---|---|---|---|---|");
        foreach (var l in knee.Layers)
        {
            sb.AppendLine($"| {l.Name} | {ScaledUnits.Area(l.AreaMm2.Total)} | {ScaledUnits.TimeFromMs(l.LatencyMs.Total)} | {ScaledUnits.Energy(l.EnergyUj.Total)} | {l.AreaMm2.Breakdown.Dominant} | {l.LatencyMs.Breakdown.Dominant} | {l.EnergyUj.Breakdown.Dominant} |");
        }

        sb.AppendLine().AppendLine("## Bottlenecks").AppendLine();
        var first = table[0];
        var last = table[^1];
        sb.AppendLine(F($"At point {first.Index} ({Knobs(first)}): {first.Bottleneck}. At point {last.Index} ({Knobs(last)}): {last.Bottleneck}."));
        if (SweepTable.Knee(rows) is { } k)
        {
            sb.AppendLine().AppendLine(F($"Knee (cheapest dynamic energy within one point of the best accuracy): point {k.Index} ({Knobs(k)}), top-1 {k.SimulatedTop1:P2}, {ScaledUnits.Energy(k.Cost.EnergyUj.Dynamic)}, {ScaledUnits.Area(k.Cost.AreaMm2.Total)}."));
        }

        if (plots.Count > 0)
        {
            sb.AppendLine().AppendLine("## Plots").AppendLine();
            foreach (var p in plots)
            {
                sb.AppendLine($"![{p}]({p})");
            }
        }

        return sb.ToString();
    }

    private static void AccuracyGrid(StringBuilder sb, IReadOnlyList<SweepRow> rows)
    {
        var cells = rows.Where(r => r.SimulatedTop1 is not null && SweepTable.IntKnob(r, SweepTable.InputBitsKey) is not null
            && SweepTable.IntKnob(r, SweepTable.AdcBitsKey) is not null).ToList();
        if (cells.Count == 0)
        {
            return;
        }

        var adcs = cells.Select(r => SweepTable.IntKnob(r, SweepTable.AdcBitsKey)!.Value).Distinct().Order().ToList();
        var inputs = cells.Select(r => SweepTable.IntKnob(r, SweepTable.InputBitsKey)!.Value).Distinct().Order().ToList();
        sb.AppendLine(F($"## Simulated top-1 (%), rows input bits, columns ADC bits (ONNX Runtime: {cells[0].ReferenceTop1:P2})")).AppendLine();
        sb.AppendLine("| in \\ ADC | " + string.Join(" | ", adcs) + " |").AppendLine("|---|" + string.Concat(adcs.Select(_ => "---|")));
        foreach (var i in inputs)
        {
            var values = adcs.Select(a => cells.FirstOrDefault(r => SweepTable.IntKnob(r, SweepTable.InputBitsKey) == i && SweepTable.IntKnob(r, SweepTable.AdcBitsKey) == a))
                .Select(r => r is null ? "" : F($"{100 * r.SimulatedTop1!.Value:F2}"));
            sb.AppendLine($"| {i} | {string.Join(" | ", values)} |");
        }

        sb.AppendLine();
    }

    private static void Section(StringBuilder sb, string title, IReadOnlyList<SweepRow> rows, Func<double, string> unit, Func<SweepRow, double> total, Func<SweepRow, IEnumerable<double>> parts)
    {
        sb.AppendLine($"## {title}").AppendLine();
        sb.AppendLine("| point | knobs | total | " + string.Join(" | ", Parts) + " |").AppendLine("|---|---|---|" + string.Concat(Parts.Select(_ => "---|")));
        foreach (var r in rows)
        {
            sb.AppendLine($"| {r.Index} | {Knobs(r)} | {unit(total(r))} | " + string.Join(" | ", parts(r).Select(unit)) + " |");
        }

        sb.AppendLine();
    }

    private static string Knobs(SweepRow r) => string.Join(", ", r.Knobs.Select(k => $"{k.Key}={k.Value}"));

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
