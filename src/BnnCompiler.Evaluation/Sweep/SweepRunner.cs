using BnnCompiler.Evaluation.MonteCarlo;
using BnnCompiler.Evaluation.Pipeline;
using BnnCompiler.Hardware;
using BnnCompiler.Mapping;
using BnnCompiler.Onnx;
using BnnCompiler.Simulator.Analog;

namespace BnnCompiler.Evaluation.Sweep;

/// <summary>
/// Runs sweep points through one <see cref="EvaluationPipeline"/>: ONNX Runtime's predictions are computed once for
/// the whole sweep, the mapping once per distinct mapping-relevant spec, and points whose ADCs all read exactly share
/// one simulation; each point is priced with its counted activity. Without a dataset each point is priced from the
/// mapping alone. Cancellation stops between points; finished rows are kept. With <paramref name="trials"/> &gt; 0
/// each point also runs that many Monte-Carlo trials (trial 0 is the run that is priced) and its row carries their
/// statistics. <paramref name="setup"/> carries the chip's defect map and the calibration set of points whose
/// <c>repair.mode</c> calibrates (docs/repair.md).
/// </summary>
public sealed class SweepRunner(ImportedModel model, HardwareSpec baseSpec, SampleFeeder? feeder, int trials = 0, IReadOnlyList<IMappingTransform>? transforms = null, Simulator.ChipSetup? setup = null)
{
    private readonly EvaluationPipeline _pipeline = new(model, feeder, transforms, setup);

    public IEnumerable<SweepRow> Run(IReadOnlyList<SweepPoint> points, Action<SweepPoint, int>? starting = null, CancellationToken cancel = default)
    {
        var simulated = new HashSet<int>();
        foreach (var point in points)
        {
            if (cancel.IsCancellationRequested)
            {
                yield break;
            }

            starting?.Invoke(point, points.Count);
            if (feeder is not null && simulated.Add(point.Index))
            {
                SimulateWithAdcSiblings(point, points, simulated);
            }

            yield return RunPoint(point);
        }
    }

    /// <summary>
    /// Simulates <paramref name="point"/> together with the points not yet run that differ from it only in ADC bits
    /// (<see cref="EvaluationPipeline.SimulateShared"/>): they share the image, its planes and every layer before the
    /// first one whose ADC reads differently. Their rows then come from these runs.
    /// </summary>
    private void SimulateWithAdcSiblings(SweepPoint point, IReadOnlyList<SweepPoint> points, HashSet<int> simulated)
    {
        var spec = SpecOf(point);
        if (!spec.NonIdealities.IsIdeal)
        {
            return;
        }

        var key = WithoutAdcBits(spec);
        var siblings = points.Where(p => !simulated.Contains(p.Index)).Select(p => (p.Index, Spec: SpecOf(p)))
            .Where(p => WithoutAdcBits(p.Spec) == key).ToList();
        simulated.UnionWith(siblings.Select(p => p.Index));
        _pipeline.SimulateShared([spec, .. siblings.Select(p => p.Spec)]);
    }

    private static string WithoutAdcBits(HardwareSpec spec) => HardwareSpecWriter.ToYaml(spec with { Readout = spec.Readout with { AdcBits = 1 } });

    public SweepRow RunPoint(SweepPoint point)
    {
        var spec = SpecOf(point);
        var knobs = point.Knobs.ToDictionary(k => k.Key, k => k.Value);
        if (feeder is null)
        {
            var estimate = _pipeline.Estimate(spec);
            return new SweepRow(point.Index, knobs, 0, null, null, null, estimate.Cost, estimate.Layers, Describe(estimate.Bottleneck));
        }

        var run = _pipeline.Evaluate(spec);
        var accuracy = run.Accuracy;
        var monteCarlo = trials > 0 ? MonteCarloSummary.From(_pipeline.Trials(spec, trials, accuracy.SimulatedPredictions)) : null;
        return new SweepRow(point.Index, knobs, accuracy.Samples, accuracy.ReferenceTop1, accuracy.SimulatedTop1, accuracy.Agreement,
            run.Cost.Cost, run.Cost.Layers, Describe(run.Cost.Bottleneck), monteCarlo);
    }

    /// <summary>
    /// Monte-Carlo trial <paramref name="trial"/> (≥ 1) of a point alone, as the trial 0 of seed S + trial (S the
    /// point's <c>non_idealities.seed</c>): the same draws as trial <paramref name="trial"/> of a run of all trials.
    /// </summary>
    public TrialResult RunTrial(SweepPoint point, int trial)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trial, 1);
        var spec = SpecOf(point);
        var shifted = spec with { NonIdealities = spec.NonIdealities with { Seed = AnalogStreams.TrialSeed(spec.NonIdealities.Seed, trial) } };
        return _pipeline.Trials(shifted, 1).Trials[0];
    }

    /// <summary>The mapping of a point (built once per distinct mapping), e.g. to estimate its cost before running it.</summary>
    public ChipMapping Mapping(SweepPoint point) => _pipeline.Map(SpecOf(point));

    private HardwareSpec SpecOf(SweepPoint point) => HardwareSpecLoader.ApplyOverrides(baseSpec, point.Overrides);

    private static string Describe(CostModel.Report.Bottleneck b) =>
        $"area: {b.AreaComponent} ({string.Join(", ", b.AreaLayers)}); latency: {b.LatencyComponent} ({string.Join(", ", b.LatencyLayers)}); energy: {b.EnergyComponent} ({string.Join(", ", b.EnergyLayers)})";
}
