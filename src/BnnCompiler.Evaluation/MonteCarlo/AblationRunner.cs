using BnnCompiler.Core.Ir;
using BnnCompiler.Hardware;
using BnnCompiler.Simulator;

namespace BnnCompiler.Evaluation.MonteCarlo;

/// <summary>
/// The accuracy lost to each non-ideal effect alone at the spec's magnitudes, and to all of them together:
/// the ideal spec is run once (it draws nothing, so every trial would be the same), each effect the spec
/// turns on is run alone for the given number of trials, and "all" is the spec as given. Effects the spec
/// leaves off are listed with no result and nothing lost. When the spec has stuck cells or IR drop, each repair mode
/// other than the spec's own follows as a row "repair: MODE" (all effects on, that repair; see docs/repair.md).
/// </summary>
public static class AblationRunner
{
    /// <param name="all">Trials of the full spec already run (reused as the "all" row), or null to run them here.</param>
    public static IReadOnlyList<AblationRow> Run(
        IrGraph graph,
        HardwareSpec spec,
        SampleFeeder feeder,
        int trials,
        int[] reference,
        MonteCarloResult? all = null,
        Action<string>? starting = null,
        ChipSetup? setup = null)
    {
        starting?.Invoke("ideal");
        var ideal = MonteCarloRunner.Run(graph, AblationSpecs.Ideal(spec), feeder, 1, reference).Top1;
        var rows = new List<AblationRow> { new("ideal", "none", true, ideal, 0) };
        foreach (var effect in AblationSpecs.Effects(spec))
        {
            if (!effect.Active)
            {
                rows.Add(new AblationRow(effect.Name, effect.Keys, false, null, 0));
                continue;
            }

            starting?.Invoke(effect.Name);
            var top1 = MonteCarloRunner.Run(graph, effect.Spec, feeder, trials, reference, setup: setup).Top1;
            rows.Add(new AblationRow(effect.Name, effect.Keys, true, top1, ideal.Mean - top1.Mean));
        }

        if (all is null)
        {
            starting?.Invoke("all");
        }

        var together = (all ?? MonteCarloRunner.Run(graph, spec, feeder, trials, reference, setup: setup)).Top1;
        rows.Add(new AblationRow("all", "non_idealities.*", !spec.NonIdealities.IsIdeal, together, ideal.Mean - together.Mean));
        foreach (var (name, repaired) in AblationSpecs.Repairs(spec, setup))
        {
            starting?.Invoke(name);
            var top1 = MonteCarloRunner.Run(graph, repaired, feeder, trials, reference, setup: setup).Top1;
            rows.Add(new AblationRow(name, "repair.mode", true, top1, ideal.Mean - top1.Mean));
        }

        return rows;
    }
}
