using BnnCompiler.Core;
using BnnCompiler.Onnx;
using BnnCompiler.Onnx.Reference;
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
        var bytes = CustomOpLowering.LowerToBytes(model);
        var count = feeder.Count;
        var reference = new int[count];
        var simulated = new int[count];
        var done = 0;
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, 8));
        var runners = Enumerable.Range(0, workers).Select(_ => new OrtRunner(bytes)).ToArray();
        try
        {
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
            {
                for (var i = w; i < count; i += workers)
                {
                    var sample = feeder.Sample(i);
                    reference[i] = Top1.Of(runners[w].Run(sample));
                    simulated[i] = Top1.Of(simulator.Run(sample));
                    var finished = Interlocked.Increment(ref done);
                    if (finished % 128 == 0 || finished == count)
                    {
                        progress?.Report(finished);
                    }
                }
            });
        }
        finally
        {
            foreach (var r in runners)
            {
                r.Dispose();
            }
        }

        var refCorrect = Enumerable.Range(0, count).Count(i => reference[i] == feeder.Label(i));
        var simCorrect = Enumerable.Range(0, count).Count(i => simulated[i] == feeder.Label(i));
        var agree = Enumerable.Range(0, count).Count(i => reference[i] == simulated[i]);
        return new AccuracyResult(count, refCorrect, simCorrect, agree, reference, simulated);
    }
}
