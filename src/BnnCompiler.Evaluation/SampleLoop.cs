using BnnCompiler.Core;
using BnnCompiler.Onnx;
using BnnCompiler.Onnx.Reference;

namespace BnnCompiler.Evaluation;

/// <summary>
/// Runs every sample of a dataset once over all cores, with one ONNX Runtime session per worker (sessions
/// run one sample at a time, single-threaded, optimisations off), and reports progress.
/// </summary>
internal static class SampleLoop
{
    /// <summary>Calls <paramref name="body"/>(sample index, sample, ONNX Runtime top-1) for every sample.</summary>
    public static void Run(ImportedModel model, SampleFeeder feeder, IProgress<int>? progress, Action<int, float[], int> body)
    {
        var bytes = CustomOpLowering.LowerToBytes(model);
        var count = feeder.Count;
        var done = 0;
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, 8));
        var runners = Enumerable.Range(0, workers).Select(_ => new OrtRunner(bytes, modelName: model.Path)).ToArray();
        try
        {
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
            {
                for (var i = w; i < count; i += workers)
                {
                    var sample = feeder.Sample(i);
                    body(i, sample, runners[w].Top1(sample));
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
    }
}
