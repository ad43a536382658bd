using BnnCompiler.Circuits.Activity;
using BnnCompiler.Mapping;
using BnnCompiler.Isa;
using BnnCompiler.Isa.Compilation;
using BnnCompiler.Simulator;
using BnnCompiler.Simulator.Timing;

namespace BnnCompiler.Evaluation;

/// <summary>
/// Action counts of a simulated evaluation: the structural counts (reads, conversions, adds, buffer and
/// interconnect bits) follow from the mapping and are scaled to the images simulated; the data-dependent
/// read activity (word lines driven, cells read, cells conducting) is what the simulator measured over
/// every image; latency comes from the cycle-level timing engine (a test checks that the simulator's reads and conversions equal the mapping's).
/// </summary>
public static class MeasuredActivity
{
    /// <summary>
    /// The counts, and the timing of one image from the cycle-level engine executing the compiled program.
    /// </summary>
    public static (ActionCounts Counts, TimingSummary Timing, TimingResult Cycles) From(ChipMapping mapping, FunctionalSimulator simulator) =>
        From(mapping, ProgramCompiler.Compile(mapping), simulator);

    /// <summary>As <see cref="From(ChipMapping, FunctionalSimulator)"/>, with the program already compiled from <paramref name="mapping"/>.</summary>
    public static (ActionCounts Counts, TimingSummary Timing, TimingResult Cycles) From(ChipMapping mapping, MappedProgram program, FunctionalSimulator simulator)
    {
        var cycles = TimingEngine.Run(program);
        var images = simulator.Layers.Values.Select(l => l.Counters.Images).DefaultIfEmpty(0).Max();
        var (perImage, _) = AnalyticalActivity.Estimate(mapping, mapping.Spec, ActivityAssumptions.Default with { Images = Math.Max(1, images) });
        var layers = new List<LayerActionCounts>();
        foreach (var counts in perImage.Layers)
        {
            var layer = mapping.Layer(counts.Layer);
            if (images == 0 || !simulator.Layers.TryGetValue(counts.Layer, out var simulated))
            {
                layers.Add(counts);
                continue;
            }

            var c = simulated.Counters;
            var columnBlocks = layer.ColumnBlocks;
            var weights = mapping.Spec.Weights;
            // Each driven weight row puts exactly one of its two word lines (input or complement) at the read voltage.
            var cellReads = c.RowsDriven * layer.Columns * weights.ColumnsPerWeight * weights.ReadsPerInput;
            var conducting = c.MatchedCells * weights.ReadsPerInput;
            layers.Add(counts with
            {
                Actions = counts.Actions
                    .With(ChipActions.RowDrive, c.RowsDriven * columnBlocks * weights.ReadsPerInput)
                    .With(ChipActions.CellReadOn, conducting)
                    .With(ChipActions.CellReadOff, cellReads - conducting),
            });
        }

        var source = images == 0 ? perImage.Source : $"measured read activity over {images:N0} simulated images; structural counts from the mapping";
        return (new ActionCounts { Images = Math.Max(1, images), Layers = layers, Source = source }, cycles.ToTimingSummary(), cycles);
    }
}
