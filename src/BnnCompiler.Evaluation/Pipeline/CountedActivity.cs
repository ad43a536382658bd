using BnnCompiler.Circuits.Activity;
using BnnCompiler.Simulator.Timing;

namespace BnnCompiler.Evaluation.Pipeline;

/// <summary>
/// The counting stage's result: the (component, action) counts of every layer over the images run, and the
/// cycle-level timing engine's run of one image of the compiled program.
/// </summary>
public sealed record CountedActivity(ActionCounts Counts, TimingResult Cycles)
{
    /// <summary>The timing the cost model prices.</summary>
    public TimingSummary Timing => Cycles.ToTimingSummary();
}
