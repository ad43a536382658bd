using BnnCompiler.Simulator;

namespace BnnCompiler.Evaluation.Pipeline;

/// <summary>The simulator that ran a dataset (its counters hold what it executed) and its top-1 for every sample.</summary>
public sealed record SimulatedRun(FunctionalSimulator Simulator, int[] Predictions);
