using System.Globalization;
using BnnCompiler.Evaluation.Sweep;
using ScottPlot;

namespace BnnCompiler.Reports;

/// <summary>
/// PNG plots of a sweep: accuracy heatmap (input bits × ADC bits), stacked area/latency/energy breakdowns
/// against ADC bits, per-layer energy bars of the knee point, and accuracy-versus-energy and -area Pareto
/// fronts with the knee marked. Returns the file names written.
/// </summary>
public static class SweepPlots
{
    private static readonly string[] Parts = ["crossbar", "adc", "accumulation", "interconnect", "buffer", "other"];

    /// <summary>Writes every plot as a PNG (900 × 600) into <paramref name="directory"/>; returns the file names.</summary>
    public static IReadOnlyList<string> Write(string directory, IReadOnlyList<SweepRow> rows, SweepSource? source = null)
    {
        var written = new List<string>();
        foreach (var (name, plot) in Build(rows, source))
        {
            Core.IO.AtomicWrite.File(Path.Combine(directory, name), temp => plot.SavePng(temp, Width, Height));

            written.Add(name);
        }

        return written;
    }

    public const int Width = 900;

    public const int Height = 600;

    /// <summary>The plots of a sweep by file name; each names the model, spec and data in its title when <paramref name="source"/> is given.</summary>
    public static IReadOnlyList<(string Name, Plot Plot)> Build(IReadOnlyList<SweepRow> rows, SweepSource? source)
    {
        var plots = new List<(string, Plot)>();
        if (Heatmap(rows) is { } heat)
        {
            plots.Add(("accuracy_heatmap.png", heat));
        }

        var byAdc = SweepTable.ByAdcBits(rows);
        if (byAdc.Count > 0)
        {
            plots.Add(("area_breakdown.png", Stacked(byAdc, "Area by component", "mm²", r => r.Cost.AreaMm2.Breakdown.Items.Select(i => i.Value))));
            plots.Add(("latency_breakdown.png", Stacked(byAdc, "Latency by component", "ms", r => r.Cost.LatencyMs.Breakdown.Items.Select(i => i.Value))));
            plots.Add(("energy_breakdown.png", Stacked(byAdc, "Dynamic energy by component", "µJ", r => r.Cost.EnergyUj.Breakdown.Items.Select(i => i.Value))));
        }

        var knee = SweepTable.Knee(rows) ?? rows.OrderBy(r => r.Index).Last();
        plots.Add(("layer_energy.png", LayerBars(knee)));
        if (rows.Any(r => r.SimulatedTop1 is not null))
        {
            plots.Add(("pareto_energy.png", Pareto(rows, r => r.Cost.EnergyUj.Dynamic, "dynamic energy per image (µJ)")));
            plots.Add(("pareto_area.png", Pareto(rows, r => r.Cost.AreaMm2.Total, "chip area (mm²)")));
        }

        if (source is not null)
        {
            foreach (var (_, plot) in plots)
            {
                plot.Axes.Title.Label.Text += "\n" + source.Caption;
            }
        }

        return plots;
    }

    private static double Min(double[,] data) => data.Cast<double>().Where(v => !double.IsNaN(v)).Min();

    private static double Max(double[,] data) => data.Cast<double>().Where(v => !double.IsNaN(v)).Max();

    /// <summary>Starts the vertical axis at zero (for quantities that cannot be negative), keeping the automatic top.</summary>
    private static void FromZeroY(Plot plot)
    {
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsY(0, plot.Axes.GetLimits().Top);
    }

    /// <summary>Ticks at the integer knob values only (no "3.5 ADC bits").</summary>
    private static void IntegerTicksX(Plot plot, IEnumerable<int> values)
    {
        var v = values.Distinct().Order().ToList();
        plot.Axes.Bottom.SetTicks([.. v.Select(x => (double)x)], [.. v.Select(x => x.ToString(CultureInfo.InvariantCulture))]);
    }

    private static Plot? Heatmap(IReadOnlyList<SweepRow> rows)
    {
        var cells = rows.Where(r => r.SimulatedTop1 is not null && SweepTable.IntKnob(r, SweepTable.InputBitsKey) is not null
            && SweepTable.IntKnob(r, SweepTable.AdcBitsKey) is not null).ToList();
        if (cells.Count == 0)
        {
            return null;
        }

        var adcs = cells.Select(r => SweepTable.IntKnob(r, SweepTable.AdcBitsKey)!.Value).Distinct().Order().ToList();
        var inputs = cells.Select(r => SweepTable.IntKnob(r, SweepTable.InputBitsKey)!.Value).Distinct().Order().ToList();
        var data = new double[inputs.Count, adcs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            for (var a = 0; a < adcs.Count; a++)
            {
                var r = cells.FirstOrDefault(c => SweepTable.IntKnob(c, SweepTable.InputBitsKey) == inputs[inputs.Count - 1 - i] && SweepTable.IntKnob(c, SweepTable.AdcBitsKey) == adcs[a]);
                data[i, a] = r is null ? double.NaN : 100 * r.SimulatedTop1!.Value;
            }
        }

        var plot = new Plot();
        var hm = plot.Add.Heatmap(data);
        // Cells sit at index positions 0..n−1 (the heatmap centres its edge cells on the extent), labelled with the knob values.
        hm.Extent = new CoordinateRect(0, adcs.Count - 1, 0, inputs.Count - 1);
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, adcs.Count).Select(i => (double)i)], [.. adcs.Select(a => a.ToString(CultureInfo.InvariantCulture))]);
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, inputs.Count).Select(i => (double)i)], [.. inputs.Select(b => b.ToString(CultureInfo.InvariantCulture))]);
        for (var i = 0; i < inputs.Count; i++)
        {
            for (var a = 0; a < adcs.Count; a++)
            {
                if (!double.IsNaN(data[i, a]))
                {
                    var label = plot.Add.Text(data[i, a].ToString("F1", CultureInfo.InvariantCulture), a, inputs.Count - 1 - i);
                    label.LabelAlignment = Alignment.MiddleCenter;
                    label.LabelFontSize = 14;
                    label.LabelBold = true;
                    // Light text on the dark (low) half of the colormap.
                    label.LabelFontColor = data[i, a] < (Min(data) + Max(data)) / 2 ? Colors.White : Colors.Black;
                }
            }
        }

        plot.Add.ColorBar(hm).Label = "simulated top-1 (%)";
        plot.Title("Simulated top-1 accuracy (%)");
        plot.XLabel("ADC bits");
        plot.YLabel("input bits");
        return plot;
    }

    private static Plot Stacked(IReadOnlyList<SweepRow> rows, string title, string unit, Func<SweepRow, IEnumerable<double>> parts)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var bars = new List<Bar>();
        for (var i = 0; i < rows.Count; i++)
        {
            var x = SweepTable.IntKnob(rows[i], SweepTable.AdcBitsKey) ?? rows[i].Index;
            var bottom = 0.0;
            var values = parts(rows[i]).ToList();
            for (var p = 0; p < values.Count; p++)
            {
                bars.Add(new Bar { Position = x, ValueBase = bottom, Value = bottom + values[p], FillColor = palette.GetColor(p) });
                bottom += values[p];
            }
        }

        plot.Add.Bars(bars);
        for (var p = 0; p < Parts.Length; p++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = Parts[p], FillColor = palette.GetColor(p) });
        }

        plot.ShowLegend(Alignment.UpperLeft);
        plot.Title(title);
        plot.XLabel(rows.All(r => SweepTable.IntKnob(r, SweepTable.AdcBitsKey) is not null) ? "ADC bits" : "point");
        plot.YLabel(unit);
        IntegerTicksX(plot, rows.Select(r => SweepTable.IntKnob(r, SweepTable.AdcBitsKey) ?? r.Index));
        FromZeroY(plot);
        return plot;
    }

    private static Plot LayerBars(SweepRow row)
    {
        var plot = new Plot();
        var values = row.Layers.Select(l => l.EnergyUj.Total).ToArray();
        plot.Add.Bars(values);
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, values.Length).Select(i => (double)i).ToArray(), row.Layers.Select(l => l.Name ?? string.Empty).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Title($"Energy per layer, point {row.Index} ({string.Join(", ", row.Knobs.Select(k => $"{k.Key}={k.Value}"))})");
        plot.YLabel("energy per image (µJ)");
        FromZeroY(plot);
        return plot;
    }

    private static Plot Pareto(IReadOnlyList<SweepRow> rows, Func<SweepRow, double> cost, string label)
    {
        var plot = new Plot();
        var all = rows.Where(r => r.SimulatedTop1 is not null).ToList();
        var points = plot.Add.ScatterPoints(all.Select(cost).ToArray(), all.Select(r => 100 * r.SimulatedTop1!.Value).ToArray());
        points.LegendText = "sweep points";
        var front = SweepTable.ParetoFront(rows, cost);
        var line = plot.Add.Scatter(front.Select(cost).ToArray(), front.Select(r => 100 * r.SimulatedTop1!.Value).ToArray());
        line.LegendText = "Pareto front";
        if (SweepTable.Knee(rows) is { } knee)
        {
            var marker = plot.Add.Marker(cost(knee), 100 * knee.SimulatedTop1!.Value, MarkerShape.FilledDiamond, 14, Colors.Red);
            marker.LegendText = $"knee: point {knee.Index}";
        }

        plot.ShowLegend(Alignment.LowerRight);
        plot.Title($"Accuracy versus {label}");
        plot.XLabel(label);
        plot.YLabel("simulated top-1 (%)");
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsX(0, plot.Axes.GetLimits().Right);
        return plot;
    }
}
