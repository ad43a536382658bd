using System.Globalization;
using System.Text;
using BnnCompiler.Evaluation.Sweep;

namespace BnnCompiler.Reports;

/// <summary>
/// report.md of a sweep: the accuracy grid (input bits × ADC bits), area, latency, energy and throughput by
/// ADC bits with component columns, the per-layer table of the knee point, and the bottleneck paragraph.
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
        var byAdc = SweepTable.ByAdcBits(rows);
        var table = byAdc.Count > 0 ? byAdc : rows.OrderBy(r => r.Index).ToList();
        Section(sb, "Area (mm²)", table, r => r.Cost.AreaMm2.Total, r => r.Cost.AreaMm2.Breakdown.Items.Select(i => i.Value));
        Section(sb, "Latency per image (ms; the total is the pipelined latency)", table, r => r.Cost.LatencyMs.Total, r => r.Cost.LatencyMs.Breakdown.Items.Select(i => i.Value));
        Section(sb, "Dynamic energy per image (µJ)", table, r => r.Cost.EnergyUj.Dynamic, r => r.Cost.EnergyUj.Breakdown.Items.Select(i => i.Value));
        sb.AppendLine("## Throughput and efficiency").AppendLine();
        sb.AppendLine("| point | knobs | TOPS | TOPS/W | FPS | TOPS/mm² |").AppendLine("|---|---|---|---|---|---|");
        foreach (var r in table)
        {
            sb.AppendLine(F($"| {r.Index} | {Knobs(r)} | {r.Cost.Tops:F3} | {r.Cost.TopsPerW:F2} | {r.Cost.Fps:F1} | {r.Cost.TopsPerMm2:F4} |"));
        }

        sb.AppendLine();
        var knee = SweepTable.Knee(rows) ?? table[^1];
        sb.AppendLine(F($"## Per layer, point {knee.Index} ({Knobs(knee)})")).AppendLine();
        sb.AppendLine("| layer | area mm² | latency µs | energy µJ | dominant area | dominant latency | dominant energy |").AppendLine("|---|---|---|---|---|---|---|");
        foreach (var l in knee.Layers)
        {
            sb.AppendLine(F($"| {l.Name} | {l.AreaMm2.Total:F4} | {l.LatencyMs.Total * 1000:F3} | {l.EnergyUj.Total:F4} | {l.AreaMm2.Breakdown.Dominant} | {l.LatencyMs.Breakdown.Dominant} | {l.EnergyUj.Breakdown.Dominant} |"));
        }

        sb.AppendLine().AppendLine("## Bottlenecks").AppendLine();
        var first = table[0];
        var last = table[^1];
        sb.AppendLine(F($"At point {first.Index} ({Knobs(first)}): {first.Bottleneck}. At point {last.Index} ({Knobs(last)}): {last.Bottleneck}."));
        if (SweepTable.Knee(rows) is { } k)
        {
            sb.AppendLine().AppendLine(F($"Knee (cheapest dynamic energy within one point of the best accuracy): point {k.Index} ({Knobs(k)}), top-1 {k.SimulatedTop1:P2}, {k.Cost.EnergyUj.Dynamic:F4} µJ, {k.Cost.AreaMm2.Total:F3} mm²."));
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

    private static void Section(StringBuilder sb, string title, IReadOnlyList<SweepRow> rows, Func<SweepRow, double> total, Func<SweepRow, IEnumerable<double>> parts)
    {
        sb.AppendLine($"## {title}").AppendLine();
        sb.AppendLine("| point | knobs | total | " + string.Join(" | ", Parts) + " |").AppendLine("|---|---|---|" + string.Concat(Parts.Select(_ => "---|")));
        foreach (var r in rows)
        {
            sb.AppendLine(F($"| {r.Index} | {Knobs(r)} | {total(r):G4} | ") + string.Join(" | ", parts(r).Select(v => v.ToString("G4", CultureInfo.InvariantCulture))) + " |");
        }

        sb.AppendLine();
    }

    private static string Knobs(SweepRow r) => string.Join(", ", r.Knobs.Select(k => $"{k.Key}={k.Value}"));

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
