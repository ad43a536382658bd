using System.Globalization;
using BnnCompiler.Cli.Output;
using BnnCompiler.Core.Analysis;
using BnnCompiler.CostModel.Report;
using BnnCompiler.Data;
using BnnCompiler.Evaluation;
using BnnCompiler.Evaluation.MonteCarlo;
using BnnCompiler.Hardware;
using BnnCompiler.Onnx;
using BnnCompiler.Simulator;
using BnnCompiler.Simulator.Timing;

namespace BnnCompiler.Cli.Commands;

/// <summary>
/// The JSON report of <c>bnnc evaluate</c>, and the text lines of its Monte-Carlo and ablation sections. The
/// sections <c>monte_carlo</c> and <c>ablation</c> are null unless <c>--trials</c> or <c>--ablate</c> ran them.
/// </summary>
public static class EvaluationReport
{
    public static object Build(
        ImportedModel model,
        HardwareSpec spec,
        Dataset data,
        FunctionalSimulator simulator,
        AccuracyResult accuracy,
        CostReport cost,
        TimingResult cycles,
        MonteCarloResult? monteCarlo = null,
        IReadOnlyList<AblationRow>? ablation = null) => new
    {
        Model = model.Path,
        model.Dialect,
        Hardware = new
        {
            Spec = spec.SourcePath,
            AdcBits = spec.Readout.AdcBits,
            InputBits = spec.Readout.InputBits,
            InputQuantization = spec.Readout.InputQuantization.ToString().ToLowerInvariant(),
            ExactReadout = simulator.IsExact,
        },
        Data = data.Description,
        Input = EncodingAnalysis.DescribeInputScale(model.Graph),
        Accuracy = new
        {
            accuracy.Samples,
            Labelled = data.HasLabels,
            ReferenceTop1 = R(accuracy.ReferenceTop1),
            SimulatedTop1 = R(accuracy.SimulatedTop1),
            Agreement = Math.Round(accuracy.Agreement, 6),
            AgreeingPredictions = accuracy.Agreeing,
        },
        MonteCarlo = monteCarlo is null ? null : new
        {
            Trials = monteCarlo.Trials.Count,
            monteCarlo.Seed,
            TrialSeeds = "non_idealities.seed + trial",
            Top1Against = monteCarlo.Labelled ? "labels" : "ONNX Runtime's predictions (the images have no labels)",
            MeanTop1 = R(monteCarlo.Top1.Mean),
            StdTop1 = R(monteCarlo.Top1.StandardDeviation),
            Ci95Low = R(monteCarlo.Top1.Ci95Low),
            Ci95High = R(monteCarlo.Top1.Ci95High),
            Ci95Method = "Student t over trials: mean ± t(0.975; n − 1)·s/√n",
            MeanAgreement = R(monteCarlo.Agreement.Mean),
            PerTrial = monteCarlo.Trials.Select(t => new { t.Trial, Top1 = R(t.Top1), t.Correct, Agreement = R(t.Agreement) }).ToList(),
        },
        Repair = new
        {
            Mode = RepairModes.Word(spec.Repair.Mode),
            spec.Subarray.SpareRows,
            spec.Subarray.SpareColumns,
            simulator.Repair.StuckCells,
            WeightErrorsNaive = simulator.Repair.NaiveErrors,
            WeightErrorsRepaired = simulator.Repair.RepairedErrors,
            SpareSubarrays = spec.Pe.SpareSubarrays,
            BlocksOnSpareSubarrays = simulator.Repair.MovedBlocks,
            Calibrated = spec.Repair.Calibrates && !spec.NonIdealities.IsIdeal,
        },
        Ablation = ablation?.Select(a => new
        {
            a.Effect,
            a.Keys,
            Simulated = a.Active,
            Trials = a.Top1?.Trials,
            MeanTop1 = R(a.Top1?.Mean),
            StdTop1 = R(a.Top1?.StandardDeviation),
            Ci95Low = R(a.Top1?.Ci95Low),
            Ci95High = R(a.Top1?.Ci95High),
            LostTop1 = R(a.LostTop1),
        }).ToList(),
        Timing = new
        {
            ClockNs = cycles.ClockPeriodNs,
            LatencyNs = cycles.LatencyNs,
            LatencyCycles = cycles.LatencyCycles,
            IntervalCycles = cycles.IntervalCycles,
            Fps = cycles.ImagesPerSecond,
            Stages = cycles.Stages.Select(s => new { s.Breakdown.Layer, s.Breakdown.CrossbarCycles, s.Breakdown.AdcCycles, s.Breakdown.AccumulationCycles, s.Breakdown.BufferCycles, s.Breakdown.InterconnectCycles, s.Breakdown.OtherCycles }).ToList(),
            Utilisation = cycles.Resources,
        },
        Cost = cost.Cost,
        cost.Bottleneck,
        ActivitySource = cost.CountsSource,
        Layers = simulator.Layers.Values.Select(l => new
        {
            Name = l.Counters.Layer,
            Cost = cost.Layers.FirstOrDefault(c => c.Name == l.Counters.Layer),
            l.Counters.Images,
            l.Counters.SubarrayReads,
            l.Counters.Conversions,
            l.Counters.RowsDriven,
            l.Counters.MatchedCells,
            l.Counters.ShiftAdds,
            l.Counters.PartialSumAdds,
            l.Counters.Outputs,
        }).ToList(),
    };

    /// <summary>The Monte-Carlo lines of the text report.</summary>
    public static void PrintMonteCarlo(MonteCarloResult result, TextWriter output)
    {
        var s = result.Top1;
        output.WriteLine(F($"Monte-Carlo          {s.Trials} trials, seed {result.Seed} (trial t draws from seed + t)"));
        if (!result.Labelled)
        {
            output.WriteLine("  no labels: top-1 below is measured against ONNX Runtime's predictions");
        }

        output.WriteLine(F($"  mean top-1         {s.Mean:P2}, std {s.StandardDeviation * 100:F2} points; mean agreement {result.Agreement.Mean:P2}"));
        output.WriteLine(s.Ci95Low is { } low && s.Ci95High is { } high
            ? F($"  95 % CI of mean    [{low:P2}, {high:P2}] (Student t, {s.Trials - 1} degrees of freedom)")
            : "  95 % CI of mean    needs at least 2 trials");
        output.WriteLine(F($"  per trial          {string.Join(", ", result.Trials.Select(t => t.Top1.ToString("P2", CultureInfo.InvariantCulture)))}"));
    }

    /// <summary>The ablation table of the text report.</summary>
    public static void PrintAblation(IReadOnlyList<AblationRow> rows, int trials, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine(F($"ablation: each effect alone at the spec's magnitudes ({trials} trials each; ideal: 1 run); lost = ideal − effect"));
        var table = new TextTable("effect", "spec keys", "mean top-1", "std (points)", "95 % CI", "lost (points)");
        foreach (var r in rows)
        {
            if (r.Top1 is not { } t)
            {
                table.Add(r.Effect, r.Keys, "off in spec", string.Empty, string.Empty, string.Empty);
                continue;
            }

            var ci = t.Ci95Low is { } lo && t.Ci95High is { } hi ? F($"[{lo:P2}, {hi:P2}]") : "-";
            table.Add(r.Effect, r.Keys, F($"{t.Mean:P2}"), F($"{t.StandardDeviation * 100:F2}"), ci, F($"{r.LostTop1 * 100:F2}"));
        }

        output.Write(table.ToString());
    }

    private static double? R(double? value) => value is { } v ? Math.Round(v, 6) : null;

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The repair line of the text report (trial 0's chip).</summary>
    public static void PrintRepair(HardwareSpec spec, FunctionalSimulator simulator, TextWriter output)
    {
        var r = simulator.Repair;
        if (r.StuckCells == 0 && spec.Repair.Mode == RepairMode.None)
        {
            return;
        }

        var fixedShare = r.NaiveErrors == 0 ? 1.0 : 1.0 - ((double)r.RepairedErrors / r.NaiveErrors);
        output.WriteLine(F($"repair               {RepairModes.Word(spec.Repair.Mode)} ({spec.Subarray.SpareRows} spare rows, {spec.Subarray.SpareColumns} spare columns a subarray): {r.StuckCells:N0} stuck cells; weight errors {r.NaiveErrors:N0} naive, {r.RepairedErrors:N0} left ({fixedShare:P1} repaired){(spec.Pe.SpareSubarrays > 0 ? $"; {r.MovedBlocks:N0} blocks moved onto spare subarrays ({spec.Pe.SpareSubarrays} a PE)" : string.Empty)}{(spec.Repair.Calibrates ? "; column references calibrated" : string.Empty)}"));
    }
}
