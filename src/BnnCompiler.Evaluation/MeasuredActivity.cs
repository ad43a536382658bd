using BnnCompiler.Circuits.Activity;
using BnnCompiler.Isa;
using BnnCompiler.Isa.Compilation;
using BnnCompiler.Mapping;
using BnnCompiler.Simulator;
using BnnCompiler.Simulator.Timing;

namespace BnnCompiler.Evaluation;

/// <summary>
/// Action counts of a simulated evaluation, every row counted by whoever executes it (<see cref="ChipAction.CountedBy"/>):
/// the functional simulator's counts of what the data did (word lines driven, cells conducting) over every image it
/// ran, the timing engine's counts of the instructions it executed for one image (reads, conversions, shift-adds,
/// adder trees, residual adds, input transfers and buffer reads) times those images, and the analytical model's for the
/// rows no executor counts yet. Without a simulated image every row is the analytical model's (a data-free run).
/// <code>
///   per layer:  row ─CountedBy─▶ Simulator: SimulatedActions.Of(counters)   (summed over the images run)
///                              TimingEngine: stage.Actions × images       (one image of the compiled program)
///                              Analytical:   AnalyticalActivity           (the same images)
/// </code>
/// Latency comes from the timing engine's run of the program.
/// </summary>
public static class MeasuredActivity
{
    /// <summary>
    /// The counts, and the timing of one image from the cycle-level engine executing the compiled program.
    /// </summary>
    public static (ActionCounts Counts, TimingSummary Timing, TimingResult Cycles) From(ChipMapping mapping, FunctionalSimulator simulator) =>
        From(mapping, ProgramCompiler.Compile(mapping), simulator);

    /// <summary>As <see cref="From(ChipMapping, FunctionalSimulator)"/>, with the program already compiled from <paramref name="mapping"/>.</summary>
    public static (ActionCounts Counts, TimingSummary Timing, TimingResult Cycles) From(ChipMapping mapping, MappedProgram program, FunctionalSimulator? simulator)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var cycles = TimingEngine.Run(program);
        var images = simulator?.Layers.Values.Select(l => l.Counters.Images).DefaultIfEmpty(0).Max() ?? 0;
        var (analytical, _) = AnalyticalActivity.Estimate(mapping, mapping.Spec, ActivityAssumptions.Default with { Images = Math.Max(1, images) });
        if (images == 0)
        {
            return (analytical, cycles.ToTimingSummary(), cycles);
        }

        var stages = cycles.Stages.ToDictionary(s => s.Index);
        var layers = new List<LayerActionCounts>();
        foreach (var counts in analytical.Layers)
        {
            if (!stages.TryGetValue(counts.LayerId, out var stage) || stage.Layer != counts.Layer)
            {
                throw new InvalidOperationException($"the timing engine ran no stage for layer {counts.LayerId} ({counts.Layer})");
            }

            var simulated = simulator!.Layers.TryGetValue(counts.Layer, out var layer)
                ? SimulatedActions.Of(layer.Counters, mapping.Layer(counts.Layer), mapping.Spec.Weights)
                : null;
            layers.Add(counts with { Actions = Combine(counts.Actions, stage.Actions.Scale(images), simulated) });
        }

        var source = $"counted over {images:N0} simulated images: {Rows(ActionCounter.Simulator)} by the simulator; {Rows(ActionCounter.TimingEngine)} by the timing engine running the program; {Rows(ActionCounter.Analytical)} by the analytical model";
        return (new ActionCounts { Images = images, Layers = layers, Source = source }, cycles.ToTimingSummary(), cycles);
    }

    /// <summary>Each row from its counter; a layer the simulator did not run keeps the analytical count of its simulator rows.</summary>
    private static ActionTable Combine(ActionTable analytical, ActionTable engine, ActionTable? simulator) =>
        ActionTable.FromCounts(ChipActions.All.Select(a => a.CountedBy switch
        {
            ActionCounter.TimingEngine => engine[a],
            ActionCounter.Simulator when simulator is not null => simulator[a],
            _ => analytical[a],
        }).ToList());

    private static string Rows(ActionCounter counter) =>
        string.Join(", ", ChipActions.All.Where(a => a.CountedBy == counter).Select(a => a.ToString()));
}
