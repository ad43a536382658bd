using System.Globalization;
using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Cli.Output;
using BnnCompiler.CostModel.Report;
using BnnCompiler.Evaluation.NeuroSim;
using BnnCompiler.Hardware;

namespace BnnCompiler.Cli.Commands;

/// <summary>
/// <c>bnnc cost … --compare-neurosim FILE</c>: the cost report beside NeuroSim V1.3's printout for the same chip (made with
/// <c>bnnc export neurosim</c>), per component in NeuroSim's buckets, priced under both accountings (physical and
/// neurosim_v1_3), with the ratios and the dominant component of each breakdown on both sides.
/// </summary>
public static class NeuroSimComparisonPrinter
{
    public static OptionSpec Option { get; } = new("compare-neurosim",
        "NeuroSim V1.3's printout for the same chip (its standard output saved to FILE): print both side by side per component") { ValueName = "FILE" };

    /// <summary>Prints the comparison when the option was given, with the chip priced under both accountings
    /// (<paramref name="price"/>: the report of <c>cost.accounting</c> physical or neurosim_v1_3); returns false otherwise.</summary>
    public static bool PrintIfAsked(ParsedArguments args, Func<CostAccounting, CostReport> price, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(price);
        if (args.Value(Option.Name) is not { } path)
        {
            return false;
        }

        var neuroSim = NeuroSimOutputReader.Read(path);
        var physical = price(CostAccounting.Physical);
        var compatible = price(CostAccounting.NeuroSimV13);
        var table = new TextTable("quantity", "component", "unit", "bnnc physical", "bnnc neurosim_v1_3", "NeuroSim V1.3", "physical / NeuroSim", "neurosim_v1_3 / NeuroSim");
        foreach (var (p, c) in NeuroSimComparison.Rows(physical, neuroSim).Zip(NeuroSimComparison.Rows(compatible, neuroSim)))
        {
            table.Add(p.Quantity, p.Component, p.Unit, G(p.Ours), G(c.Ours), G(p.NeuroSim), Ratio(p.Ratio), Ratio(c.Ratio));
        }

        output.WriteLine();
        output.WriteLine($"compared with NeuroSim V1.3 ({path}) under both accountings (cost.accounting physical and neurosim_v1_3); its latency parts are maxima over layers and do not add up");
        output.Write(table);
        foreach (var (name, report) in new[] { ("physical", physical), ("neurosim_v1_3", compatible) })
        {
            var area = NeuroSimComparison.DominantArea(report, neuroSim);
            var latency = NeuroSimComparison.DominantLatency(report, neuroSim);
            var energy = NeuroSimComparison.DominantEnergy(report, neuroSim);
            output.WriteLine($"dominant ({name}): area {area.Ours} / {area.NeuroSim}; latency {latency.Ours} / {latency.NeuroSim}; energy {energy.Ours} / {energy.NeuroSim} (bnnc / NeuroSim)");
        }

        return true;
    }

    private static string Ratio(double r) => double.IsNaN(r) ? "-" : r.ToString("F2", CultureInfo.InvariantCulture);

    private static string G(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
