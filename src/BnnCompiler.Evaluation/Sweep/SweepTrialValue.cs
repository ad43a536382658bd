namespace BnnCompiler.Evaluation.Sweep;

/// <summary>
/// The top-1 of one Monte-Carlo trial of one sweep point, as a task records it; <paramref name="Seed"/> is the
/// point's <c>non_idealities.seed</c> S (the trial drew from S + <paramref name="Trial"/>).
/// </summary>
public sealed record SweepTrialValue(int Point, int Trial, int Seed, double Top1);
