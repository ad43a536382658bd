using BnnCompiler.CostModel.Report;
using BnnCompiler.Evaluation.MonteCarlo;

namespace BnnCompiler.Evaluation.Sweep;

/// <summary>
/// The result of one sweep point: its knobs, accuracy (when a dataset was given) and priced cost. The accuracy
/// columns are trial 0's; <paramref name="MonteCarlo"/> holds the statistics over all trials when the sweep
/// ran with <c>--trials</c>.
/// </summary>
public sealed record SweepRow(
    int Index,
    IReadOnlyDictionary<string, string> Knobs,
    int Samples,
    double? ReferenceTop1,
    double? SimulatedTop1,
    double? Agreement,
    CostFigures Cost,
    IReadOnlyList<CostFigures> Layers,
    string Bottleneck,
    MonteCarloSummary? MonteCarlo = null);
