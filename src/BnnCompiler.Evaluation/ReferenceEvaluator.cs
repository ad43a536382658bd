using BnnCompiler.Core;
using BnnCompiler.Core.Interpretation;
using BnnCompiler.Onnx;
using BnnCompiler.Onnx.Reference;

namespace BnnCompiler.Evaluation;

/// <summary>
/// Runs ONNX Runtime on the original model (custom ops lowered to standard ONNX, optimisations off) and the
/// IR interpreter on the canonical graph, sample by sample over both cores, and compares their top-1.
/// </summary>
public static class ReferenceEvaluator
{
    public static ReferenceResult Compare(ImportedModel model, SampleFeeder feeder, IProgress<int>? progress = null)
    {
        var bytes = CustomOpLowering.LowerToBytes(model);
        var interpreter = new IrInterpreter(model.Graph);
        var count = feeder.Count;
        var ort = new int[count];
        var ir = new int[count];
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
                    ort[i] = Top1.Of(runners[w].Run(sample));
                    ir[i] = Top1.Of(interpreter.Run(sample));
                    var finished = Interlocked.Increment(ref done);
                    if (finished % 256 == 0)
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

        var disagreements = Enumerable.Range(0, count).Where(i => ort[i] != ir[i]).ToList();
        var ortCorrect = Enumerable.Range(0, count).Count(i => ort[i] == feeder.Label(i));
        var irCorrect = Enumerable.Range(0, count).Count(i => ir[i] == feeder.Label(i));
        return new ReferenceResult(count, ortCorrect, irCorrect, disagreements, ort, ir);
    }
}
