using System.Globalization;
using System.Net;
using System.Text;
using BnnCompiler.Evaluation.Sweep;
using ScottPlot;

namespace BnnCompiler.Reports;

/// <summary>
/// report.html of a sweep: one self-contained file (no script, no stylesheet or image fetched: the plots are PNG data
/// URIs, the style inline) that opens in any browser: where the results came from (model, spec, data), the accuracy
/// heatmap as a coloured table, the knee and the bottlenecks, every point's accuracy and cost in one table, the
/// per-layer table of the knee point, and every plot of <see cref="SweepPlots"/>. Written as well-formed XHTML, so an
/// XML parser reads it.
/// </summary>
public static class SweepHtml
{
    public static string Build(string title, IReadOnlyList<SweepRow> rows, SweepSource? source)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var ordered = rows.OrderBy(r => r.Index).ToList();
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
            .Append("<title>").Append(E(title)).Append("</title>\n<style>\n")
            .Append("body{font-family:sans-serif;margin:24px;color:#222;max-width:1400px}table{border-collapse:collapse;margin:8px 0 20px}")
            .Append("th,td{border:1px solid #bbb;padding:3px 8px;text-align:right;font-size:13px}th{background:#eee}td.l,th.l{text-align:left}")
            .Append("figure{display:inline-block;margin:8px;vertical-align:top}img{width:640px;max-width:100%;border:1px solid #ddd}.src{color:#555}\n</style>\n</head>\n<body>\n");
        sb.Append("<h1>").Append(E(title)).Append("</h1>\n");
        if (source is not null)
        {
            sb.Append("<p class=\"src\">model <code>").Append(E(source.Model)).Append("</code> · spec <code>").Append(E(source.Spec))
                .Append("</code> · data ").Append(E(source.Data)).Append("</p>\n");
        }

        var knobs = ordered.SelectMany(r => r.Knobs.Keys).Distinct().ToList();
        sb.Append("<p>").Append(ordered.Count).Append(" points; knobs: ").Append(E(string.Join(", ", knobs))).Append(".</p>\n");
        Heatmap(sb, ordered);
        Findings(sb, ordered);
        Points(sb, ordered, knobs);
        Layers(sb, SweepTable.Knee(ordered) ?? ordered[^1]);
        sb.Append("<h2>Plots</h2>\n");
        foreach (var (name, plot) in SweepPlots.Build(ordered, source))
        {
            var png = Convert.ToBase64String(plot.GetImage(SweepPlots.Width, SweepPlots.Height).GetImageBytes(ImageFormat.Png, 100));
            sb.Append("<figure><img alt=\"").Append(E(name)).Append("\" src=\"data:image/png;base64,").Append(png)
                .Append("\" /><figcaption>").Append(E(name)).Append("</figcaption></figure>\n");
        }

        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>The input bits × ADC bits grid of simulated top-1, each cell coloured by its value and carrying it.</summary>
    private static void Heatmap(StringBuilder sb, List<SweepRow> rows)
    {
        var cells = rows.Where(r => r.SimulatedTop1 is not null && SweepTable.IntKnob(r, SweepTable.InputBitsKey) is not null
            && SweepTable.IntKnob(r, SweepTable.AdcBitsKey) is not null).ToList();
        if (cells.Count == 0)
        {
            return;
        }

        var adcs = cells.Select(r => SweepTable.IntKnob(r, SweepTable.AdcBitsKey)!.Value).Distinct().Order().ToList();
        var inputs = cells.Select(r => SweepTable.IntKnob(r, SweepTable.InputBitsKey)!.Value).Distinct().OrderDescending().ToList();
        var (lo, hi) = (cells.Min(r => r.SimulatedTop1!.Value), cells.Max(r => r.SimulatedTop1!.Value));
        sb.Append("<h2>Simulated top-1 (%): input bits × ADC bits</h2>\n");
        if (cells[0].ReferenceTop1 is { } reference)
        {
            sb.Append(F($"<p>ONNX Runtime top-1 {100 * reference:F2} %.</p>\n"));
        }

        sb.Append("<table id=\"heatmap\"><tr><th>input \\ ADC bits</th>").AppendJoin("", adcs.Select(a => $"<th>{a}</th>")).Append("</tr>\n");
        foreach (var i in inputs)
        {
            sb.Append("<tr><th>").Append(i).Append("</th>");
            foreach (var a in adcs)
            {
                var r = cells.FirstOrDefault(c => SweepTable.IntKnob(c, SweepTable.InputBitsKey) == i && SweepTable.IntKnob(c, SweepTable.AdcBitsKey) == a);
                if (r is null)
                {
                    sb.Append("<td></td>");
                    continue;
                }

                var share = hi > lo ? (r.SimulatedTop1!.Value - lo) / (hi - lo) : 1;
                sb.Append(F($"<td style=\"background:hsl({120 * share:F0},65%,72%)\" title=\"point {r.Index}\">{100 * r.SimulatedTop1!.Value:F2}</td>"));
            }

            sb.Append("</tr>\n");
        }

        sb.Append("</table>\n");
    }

    private static void Findings(StringBuilder sb, List<SweepRow> rows)
    {
        sb.Append("<h2>Knee and bottlenecks</h2>\n");
        if (SweepTable.Knee(rows) is { } k)
        {
            sb.Append("<p>").Append(E(F($"Knee (cheapest dynamic energy within one point of the best accuracy): point {k.Index} ({Knobs(k)}), top-1 {100 * k.SimulatedTop1:F2} %, {k.Cost.EnergyUj.Dynamic:G4} µJ, {k.Cost.AreaMm2.Total:G4} mm²."))).Append("</p>\n");
        }

        var (first, last) = (rows[0], rows[^1]);
        sb.Append("<p>").Append(E(F($"At point {first.Index} ({Knobs(first)}): {first.Bottleneck}. At point {last.Index} ({Knobs(last)}): {last.Bottleneck}."))).Append("</p>\n");
    }

    /// <summary>Every point: knobs, accuracy (and Monte-Carlo statistics), area, latency, energy, efficiency, bottleneck.</summary>
    private static void Points(StringBuilder sb, List<SweepRow> rows, List<string> knobs)
    {
        var monteCarlo = rows.Any(r => r.MonteCarlo is not null);
        sb.Append("<h2>Every point</h2>\n<table id=\"points\"><tr><th>point</th>").AppendJoin("", knobs.Select(k => $"<th>{E(k)}</th>"))
            .Append("<th>ONNX Runtime top-1 %</th><th>simulated top-1 %</th><th>agreement %</th>")
            .Append(monteCarlo ? "<th>trials</th><th>mean top-1 %</th><th>95 % CI</th>" : "")
            .Append("<th>area mm²</th><th>latency µs</th><th>energy µJ</th><th>TOPS/W</th><th>images/s</th><th class=\"l\">bottleneck</th></tr>\n");
        foreach (var r in rows)
        {
            var c = r.Cost;
            sb.Append(F($"<tr id=\"point-{r.Index}\"><td>{r.Index}</td>")).AppendJoin("", knobs.Select(k => $"<td>{E(r.Knobs.GetValueOrDefault(k, ""))}</td>"))
                .Append(F($"<td>{Pct(r.ReferenceTop1)}</td><td>{Pct(r.SimulatedTop1)}</td><td>{Pct(r.Agreement)}</td>"));
            if (monteCarlo)
            {
                var m = r.MonteCarlo;
                sb.Append(F($"<td>{m?.Trials}</td><td>{Pct(m?.MeanTop1)}</td><td>{(m?.Ci95Low is { } a && m.Ci95High is { } b ? $"{100 * a:F2}–{100 * b:F2}" : "")}</td>"));
            }

            sb.Append(F($"<td>{c.AreaMm2.Total:G4}</td><td>{c.LatencyMs.Total * 1000:G4}</td><td>{c.EnergyUj.Dynamic:G4}</td><td>{c.TopsPerW:G4}</td><td>{c.Fps:N0}</td>"))
                .Append("<td class=\"l\">").Append(E(r.Bottleneck)).Append("</td></tr>\n");
        }

        sb.Append("</table>\n");
    }

    private static void Layers(StringBuilder sb, SweepRow knee)
    {
        sb.Append("<h2>").Append(E(F($"Per layer, point {knee.Index} ({Knobs(knee)})"))).Append("</h2>\n");
        sb.Append("<table id=\"layers\"><tr><th class=\"l\">layer</th><th>area mm²</th><th>latency µs</th><th>energy µJ</th><th class=\"l\">dominant area</th><th class=\"l\">dominant latency</th><th class=\"l\">dominant energy</th></tr>\n");
        foreach (var l in knee.Layers)
        {
            sb.Append("<tr><td class=\"l\">").Append(E(l.Name ?? "")).Append(F($"</td><td>{l.AreaMm2.Total:G4}</td><td>{l.LatencyMs.Total * 1000:G4}</td><td>{l.EnergyUj.Total:G4}</td>"))
                .Append("<td class=\"l\">").Append(E(l.AreaMm2.Breakdown.Dominant)).Append("</td><td class=\"l\">").Append(E(l.LatencyMs.Breakdown.Dominant))
                .Append("</td><td class=\"l\">").Append(E(l.EnergyUj.Breakdown.Dominant)).Append("</td></tr>\n");
        }

        sb.Append("</table>\n");
    }

    private static string Pct(double? v) => v is { } x ? F($"{100 * x:F2}") : "";

    private static string Knobs(SweepRow r) => string.Join(", ", r.Knobs.Select(k => $"{k.Key}={k.Value}"));

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
