using System.Globalization;
using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Cli.Output;
using BnnCompiler.CostModel.Report;
using BnnCompiler.Evaluation.NeuroSim;

namespace BnnCompiler.Cli.Commands;

/// <summary>
/// <c>bnnc cost … --compare-neurosim FILE</c>: the cost report beside NeuroSim V1.3's printout for the same chip (made with
/// <c>bnnc export neurosim</c>), per component in NeuroSim's buckets, with the ratio and the dominant component of each
/// breakdown on both sides.
/// </summary>
public static class NeuroSimComparisonPrinter
{
    public static OptionSpec Option { get; } = new("compare-neurosim",
        "NeuroSim V1.3's printout for the same chip (its standard output saved to FILE): print both side by side per component") { ValueName = "FILE" };

    /// <summary>Prints the comparison when the option was given; returns false otherwise.</summary>
    public static bool PrintIfAsked(ParsedArguments args, CostReport report, TextWriter output)
    {
        if (args.Value(Option.Name) is not { } path)
        {
            return false;
        }

        var neuroSim = NeuroSimOutputReader.Read(path);
        var table = new TextTable("quantity", "component", "unit", "bnnc", "NeuroSim V1.3", "bnnc / NeuroSim");
        foreach (var row in NeuroSimComparison.Rows(report, neuroSim))
        {
            table.Add(row.Quantity, row.Component, row.Unit, G(row.Ours), G(row.NeuroSim), double.IsNaN(row.Ratio) ? "-" : row.Ratio.ToString("F2", CultureInfo.InvariantCulture));
        }

        output.WriteLine();
        output.WriteLine($"compared with NeuroSim V1.3 ({path}); its latency parts are maxima over layers and do not add up");
        output.Write(table);
        var area = NeuroSimComparison.DominantArea(report, neuroSim);
        var latency = NeuroSimComparison.DominantLatency(report, neuroSim);
        var energy = NeuroSimComparison.DominantEnergy(report, neuroSim);
        output.WriteLine($"dominant: area {area.Ours} / {area.NeuroSim}; latency {latency.Ours} / {latency.NeuroSim}; energy {energy.Ours} / {energy.NeuroSim} (bnnc / NeuroSim)");
        return true;
    }

    private static string G(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
