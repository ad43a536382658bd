using BnnCompiler.CostModel.Report;

namespace BnnCompiler.Evaluation.Sweep;

/// <summary>The result of one sweep point: its knobs, accuracy (when a dataset was given) and priced cost.</summary>
public sealed record SweepRow(
    int Index,
    IReadOnlyDictionary<string, string> Knobs,
    int Samples,
    double? ReferenceTop1,
    double? SimulatedTop1,
    double? Agreement,
    CostFigures Cost,
    IReadOnlyList<CostFigures> Layers,
    string Bottleneck);
