using BnnCompiler.Circuits;
using BnnCompiler.Core;
using BnnCompiler.Evaluation.MonteCarlo;
using BnnCompiler.CostModel.Pricing;
using BnnCompiler.Hardware;
using BnnCompiler.Isa;
using BnnCompiler.Isa.Compilation;
using BnnCompiler.Mapping;
using BnnCompiler.Onnx;
using BnnCompiler.Simulator;
using BnnCompiler.Simulator.Analog;
using BnnCompiler.Simulator.Functional;

namespace BnnCompiler.Evaluation.Sweep;

/// <summary>
/// Runs sweep points: ONNX Runtime's predictions are computed once for the whole sweep; the mapping is
/// built once per distinct mapping-relevant spec (the ADC resolution does not change it); each point is
/// simulated over the dataset (points whose ADCs all read exactly share one simulation) and priced with its
/// measured activity. Without a dataset each point is priced
/// from the mapping alone. Cancellation stops between points; finished rows are kept. With
/// <paramref name="trials"/> &gt; 0 each point also runs that many Monte-Carlo trials (trial 0 is the run
/// that is priced) and its row carries their statistics.
/// </summary>
public sealed class SweepRunner(ImportedModel model, HardwareSpec baseSpec, SampleFeeder? feeder, int trials = 0)
{
    private readonly Dictionary<string, ChipMapping> _mappings = [];
    private readonly Dictionary<string, (FunctionalSimulator Simulator, int[] Predictions)> _simulations = [];
    private int[]? _reference;

    public IEnumerable<SweepRow> Run(IReadOnlyList<SweepPoint> points, Action<SweepPoint, int>? starting = null, CancellationToken cancel = default)
    {
        foreach (var point in points)
        {
            if (cancel.IsCancellationRequested)
            {
                yield break;
            }

            starting?.Invoke(point, points.Count);
            yield return RunPoint(point);
        }
    }

    public SweepRow RunPoint(SweepPoint point)
    {
        var spec = HardwareSpecLoader.ApplyOverrides(baseSpec, point.Overrides);
        var mapping = MappingFor(spec);
        var knobs = point.Knobs.ToDictionary(k => k.Key, k => k.Value);
        if (feeder is null)
        {
            var estimate = DatasetFreeCost.Estimate(mapping);
            return new SweepRow(point.Index, knobs, 0, null, null, null, estimate.Cost, estimate.Layers, Describe(estimate.Bottleneck));
        }

        var reference = ReferencePredictions();
        var program = ProgramCompiler.Compile(mapping);
        var (simulator, simulated) = Simulate(mapping, program);
        var (counts, timing, _) = MeasuredActivity.From(mapping, program, simulator);
        var cost = CostModel.Pricing.CostModel.Price(mapping, counts, timing, CircuitOptions.Default);
        var n = feeder.Count;
        var referenceCorrect = feeder.CountCorrect(reference);
        var correct = feeder.CountCorrect(simulated);
        var agree = Enumerable.Range(0, n).Count(i => simulated[i] == reference[i]);
        var monteCarlo = trials > 0
            ? MonteCarloSummary.From(MonteCarloRunner.Run(model.Graph, spec, feeder, trials, reference, simulated))
            : null;
        return new SweepRow(point.Index, knobs, n, (double?)referenceCorrect / n, (double?)correct / n, (double)agree / n,
            cost.Cost, cost.Layers, Describe(cost.Bottleneck), monteCarlo);
    }

    /// <summary>
    /// Monte-Carlo trial <paramref name="trial"/> (≥ 1) of a point alone, as the trial 0 of seed S + trial (S the
    /// point's <c>non_idealities.seed</c>): the same draws as trial <paramref name="trial"/> of a run of all trials.
    /// </summary>
    public TrialResult RunTrial(SweepPoint point, int trial)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trial, 1);
        var spec = HardwareSpecLoader.ApplyOverrides(baseSpec, point.Overrides);
        var shifted = spec with { NonIdealities = spec.NonIdealities with { Seed = AnalogStreams.TrialSeed(spec.NonIdealities.Seed, trial) } };
        return MonteCarloRunner.Run(model.Graph, shifted, feeder ?? throw new InvalidOperationException("trials need a dataset"), 1, ReferencePredictions()).Trials[0];
    }

    /// <summary>The mapping of a point (built once per distinct mapping), e.g. to estimate its cost before running it.</summary>
    public ChipMapping Mapping(SweepPoint point) => MappingFor(HardwareSpecLoader.ApplyOverrides(baseSpec, point.Overrides));

    /// <summary>
    /// Simulates the dataset on the compiled chip, or reuses an earlier point's run when the two specs give
    /// the same functional simulation: ideal devices and every ADC exact at both (the ADC resolution then changes
    /// neither a prediction nor an action count, only the price).
    /// </summary>
    private (FunctionalSimulator Simulator, int[] Predictions) Simulate(ChipMapping mapping, MappedProgram program)
    {
        var spec = mapping.Spec;
        var simulator = new FunctionalSimulator(model.Graph, mapping, program);
        var exact = spec.NonIdealities.IsIdeal
            && simulator.Layers.Values.All(l => l.Executor is CrossbarLayer crossbar && crossbar.Adcs.All(a => a.IsExact));
        var key = HardwareSpecWriter.ToYaml(exact ? spec with { Readout = spec.Readout with { AdcBits = 1 } } : spec) + (exact ? "exact" : string.Empty);
        if (_simulations.TryGetValue(key, out var done))
        {
            return done;
        }

        var simulated = new int[feeder!.Count];
        Parallel.For(0, feeder.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => simulated[i] = Top1.Of(simulator.Run(feeder.Sample(i))));
        _simulations[key] = (simulator, simulated);
        return (simulator, simulated);
    }

    private int[] ReferencePredictions()
    {
        if (_reference is null)
        {
            var reference = new int[feeder!.Count];
            SampleLoop.Run(model, feeder, null, (i, _, ort) => reference[i] = ort);
            _reference = reference;
        }

        return _reference;
    }

    private ChipMapping MappingFor(HardwareSpec spec)
    {
        var key = HardwareSpecWriter.ToYaml(spec with { Readout = spec.Readout with { AdcBits = 1 } });
        if (!_mappings.TryGetValue(key, out var mapping))
        {
            mapping = CrossbarMapper.Map(model.Graph, spec);
            _mappings[key] = mapping;
        }

        // The mapping is reused with the point's own spec (its ADC bits) for pricing.
        return mapping.Spec == spec ? mapping : mapping with { Spec = spec };
    }

    private static string Describe(CostModel.Report.Bottleneck b) =>
        $"area: {b.AreaComponent} ({string.Join(", ", b.AreaLayers)}); latency: {b.LatencyComponent} ({string.Join(", ", b.LatencyLayers)}); energy: {b.EnergyComponent} ({string.Join(", ", b.EnergyLayers)})";
}
