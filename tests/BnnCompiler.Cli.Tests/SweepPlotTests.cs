using System.Globalization;
using BnnCompiler.Reports;
using ScottPlot;

namespace BnnCompiler.Cli.Tests;

/// <summary>
/// The sweep plots: integer knobs get integer ticks only, bars of non-negative quantities start at zero, every
/// heatmap cell carries its value, and every plot's title names the model, spec and data.
/// </summary>
public sealed class SweepPlotTests : IDisposable
{
    private static readonly string Mlp = Testing.RepoPaths.Require(Testing.RepoPaths.Repo("onnx-models/fmnist-mlp.onnx"));
    private readonly string _dir = Directory.CreateTempSubdirectory("bnnc-plots-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Should_Draw_Integer_Ticks_Zero_Based_Bars_Valued_Cells_And_Their_Source()
    {
        // Given a 2 × 3 sweep's rows
        var sweep = Path.Combine(_dir, "sweep");
        Assert.Equal(0, CliRun.Of("sweep", Mlp, "--data", "fashion-mnist", "--limit", "40", "--input-bits", "1,4", "--adc-bits", "3..5", "-o", sweep).ExitCode);
        var rows = SweepFiles.ReadJson(sweep);
        var source = SweepFiles.ReadSource(sweep)!;

        // When the plots are built (and rendered, which settles their axes)
        var plots = SweepPlots.Build(rows, source).ToDictionary(p => p.Name, p => p.Plot);
        foreach (var plot in plots.Values)
        {
            plot.GetImage(SweepPlots.Width, SweepPlots.Height);
        }

        // Then
        Assert.All(plots.Values, p => Assert.Contains(source.Caption, p.Axes.Title.Label.Text, StringComparison.Ordinal));
        foreach (var name in new[] { "area_breakdown.png", "latency_breakdown.png", "energy_breakdown.png" })
        {
            var plot = plots[name];
            Assert.Equal(0, plot.Axes.GetLimits().Bottom);
            var ticks = plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Position).ToList();
            Assert.Equal([3.0, 4.0, 5.0], ticks);
        }

        Assert.Equal(0, plots["layer_energy.png"].Axes.GetLimits().Bottom);
        Assert.Equal(0, plots["pareto_energy.png"].Axes.GetLimits().Left);
        var values = plots["accuracy_heatmap.png"].GetPlottables<ScottPlot.Plottables.Text>().Select(t => t.LabelText).Order().ToList();
        var expected = rows.Select(r => (100 * r.SimulatedTop1!.Value).ToString("F1", CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(expected, values);
    }
}
