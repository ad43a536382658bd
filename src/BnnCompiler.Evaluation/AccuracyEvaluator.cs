using BnnCompiler.Core;
using BnnCompiler.Onnx;
using BnnCompiler.Simulator;

namespace BnnCompiler.Evaluation;

/// <summary>
/// Runs ONNX Runtime on the original model and the crossbar simulator on the mapped one over a dataset,
/// split across the cores, and counts how often their top-1 predictions agree.
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

        var refCorrect = feeder.CountCorrect(reference);
        var simCorrect = feeder.CountCorrect(simulated);
        var agree = Enumerable.Range(0, count).Count(i => reference[i] == simulated[i]);
        return new AccuracyResult(count, refCorrect, simCorrect, agree, reference, simulated);
    }
}
