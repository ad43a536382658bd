using BnnCompiler.Hardware;

namespace BnnCompiler.Evaluation.MonteCarlo;

/// <summary>
/// One non-ideal effect of an ablation: its name, the spec keys it covers, whether the spec under study
/// turns it on, and the spec with only this effect at the study's magnitudes (every other effect ideal).
/// </summary>
public sealed record AblationEffect(string Name, string Keys, bool Active, HardwareSpec Spec);
