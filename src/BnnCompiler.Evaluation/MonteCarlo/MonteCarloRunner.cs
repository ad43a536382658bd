using BnnCompiler.Core;
using BnnCompiler.Core.Ir;
using BnnCompiler.Hardware;
using BnnCompiler.Onnx;
using BnnCompiler.Simulator;

namespace BnnCompiler.Evaluation.MonteCarlo;

/// <summary>
/// Runs Monte-Carlo trials of one hardware spec over a dataset. Trial t is a <see cref="FunctionalSimulator"/>
/// built with trial index t, so its random draws come from <c>non_idealities.seed + t</c> and the same seed
/// gives the same numbers. ONNX Runtime's predictions are computed once (<see cref="ReferencePredictions"/>)
/// and shared by every trial and every spec. All (trial, sample) pairs are spread over the cores together,
/// so a few trials still use every core.
/// </summary>
public static class MonteCarloRunner
{
    /// <summary>ONNX Runtime's top-1 for every sample, computed over all cores.</summary>
    public static int[] ReferencePredictions(ImportedModel model, SampleFeeder feeder, IProgress<int>? progress = null)
    {
        var reference = new int[feeder.Count];
        SampleLoop.Run(model, feeder, progress, (i, _, ort) => reference[i] = ort);
        return reference;
    }

    /// <summary>
    /// Runs trials 0 … <paramref name="trials"/> − 1. When <paramref name="firstTrial"/> is given it holds
    /// the predictions of trial 0, already simulated by the caller (e.g. the run whose activity is priced),
    /// and only trials 1 … N − 1 are simulated here.
    /// </summary>
    public static MonteCarloResult Run(
        IrGraph graph,
        HardwareSpec spec,
        SampleFeeder feeder,
        int trials,
        int[] reference,
        int[]? firstTrial = null,
        IProgress<int>? progress = null,
        ChipSetup? setup = null)
    {
        setup ??= ChipSetup.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        var count = feeder.Count;
        if (reference.Length != count || (firstTrial is not null && firstTrial.Length != count))
        {
            throw new ArgumentException("the reference and first-trial predictions must cover every sample");
        }

        var first = firstTrial is null ? 0 : 1;
        var predictions = new int[trials][];
        if (firstTrial is not null)
        {
            predictions[0] = firstTrial;
        }

        // A trial's simulator (its drawn cells) is built by the first worker that reaches the trial and
        // dropped when its last sample is done, so only the trials in progress hold one.
        var simulators = new FunctionalSimulator?[trials];
        var remaining = new int[trials];
        for (var t = first; t < trials; t++)
        {
            predictions[t] = new int[count];
            remaining[t] = count;
        }

        var pending = (long)(trials - first) * count;
        var done = 0L;
        var workers = Math.Max(1, Environment.ProcessorCount);
        Parallel.For(0L, pending, new ParallelOptions { MaxDegreeOfParallelism = workers }, k =>
        {
            var t = first + (int)(k / count);
            var i = (int)(k % count);
            var simulator = SimulatorFor(simulators, t, graph, spec, setup);
            predictions[t][i] = Top1.Of(simulator.Run(feeder.Sample(i)));
            if (Interlocked.Decrement(ref remaining[t]) == 0)
            {
                Volatile.Write(ref simulators[t], null);
            }

            var finished = Interlocked.Increment(ref done);
            if (finished % 128 == 0 || finished == pending)
            {
                progress?.Report((int)Math.Min(int.MaxValue, finished));
            }
        });

        var results = new List<TrialResult>(trials);
        // Without labels, ONNX Runtime's predictions stand in for them: the "top-1" of a trial is then its agreement.
        var labels = feeder.HasLabels ? Enumerable.Range(0, count).Select(feeder.Label).ToArray() : reference;
        for (var t = 0; t < trials; t++)
        {
            var p = predictions[t];
            var correct = Enumerable.Range(0, count).Count(i => p[i] == labels[i]);
            var agreeing = Enumerable.Range(0, count).Count(i => p[i] == reference[i]);
            results.Add(new TrialResult(t, count, correct, agreeing, p));
        }

        var referenceCorrect = Enumerable.Range(0, count).Count(i => reference[i] == labels[i]);
        return new MonteCarloResult(spec.NonIdealities.Seed, count, count == 0 ? 0 : (double)referenceCorrect / count, results)
        {
            Labelled = feeder.HasLabels,
        };
    }

    /// <summary>The simulator of trial t, built once by whichever worker reaches the trial first.</summary>
    private static FunctionalSimulator SimulatorFor(FunctionalSimulator?[] simulators, int trial, IrGraph graph, HardwareSpec spec, ChipSetup setup)
    {
        if (Volatile.Read(ref simulators[trial]) is { } existing)
        {
            return existing;
        }

        lock (simulators)
        {
            return simulators[trial] ??= new FunctionalSimulator(graph, spec, trial, setup);
        }
    }
}
