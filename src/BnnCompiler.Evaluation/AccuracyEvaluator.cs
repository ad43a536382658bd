using BnnCompiler.Core;
using BnnCompiler.Onnx;
using BnnCompiler.Simulator;

namespace BnnCompiler.Evaluation;

/// <summary>
/// Runs ONNX Runtime on the original model and a given simulator over a dataset, split across the cores, and counts
/// how often their top-1 predictions agree (for simulators built outside <see cref="Pipeline.EvaluationPipeline"/>).
/// </summary>
public static class AccuracyEvaluator
{
    public static AccuracyResult Run(ImportedModel model, FunctionalSimulator simulator, SampleFeeder feeder, IProgress<int>? progress = null)
    {
        var count = feeder.Count;
        var reference = new int[count];
        var simulated = new int[count];
        SampleLoop.Run(model, feeder, progress, (i, sample, ort) =>
        {
            reference[i] = ort;
            simulated[i] = Top1.Of(simulator.Run(sample));
        });

        return AccuracyResult.From(feeder, reference, simulated);
    }
}
