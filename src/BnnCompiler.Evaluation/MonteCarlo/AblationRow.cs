namespace BnnCompiler.Evaluation.MonteCarlo;

/// <summary>
/// One line of an ablation: the effect ("ideal" for none, "all" for the spec as given), whether it was
/// simulated (effects the spec leaves off are listed but not run), its top-1 over the trials, and the
/// accuracy lost against the ideal read-out (ideal mean top-1 − this mean top-1; positive = worse).
/// </summary>
public sealed record AblationRow(string Effect, string Keys, bool Active, TrialStatistics? Top1, double LostTop1);
