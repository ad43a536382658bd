using BnnCompiler.Circuits;
using BnnCompiler.Core;
using BnnCompiler.CostModel.Report;
using BnnCompiler.Evaluation.MonteCarlo;
using BnnCompiler.Hardware;
using BnnCompiler.Isa;
using BnnCompiler.Isa.Compilation;
using BnnCompiler.Mapping;
using BnnCompiler.Onnx;
using BnnCompiler.Simulator;
using BnnCompiler.Simulator.Functional;

namespace BnnCompiler.Evaluation.Pipeline;

/// <summary>
/// The one evaluation of a model on the chip that <c>bnnc evaluate</c>, <c>sweep</c>, <c>study</c>, <c>cost</c> and
/// the benchmark run: map → mapping transforms → compile → simulate → count → price.
/// <code>
///   ImportedModel + HardwareSpec ─Map─▶ ChipMapping ─transforms─▶ ChipMapping ─Compile─▶ MappedProgram
///     ─Simulate (dataset, beside ONNX Runtime)─▶ SimulatedRun ─Count─▶ CountedActivity ─Price─▶ CostReport
/// </code>
/// One pipeline serves many specs of one model and dataset: ONNX Runtime's predictions are computed once, the
/// mapping once per spec that maps differently (the ADC resolution does not change it), and a dataset is simulated
/// once for specs whose simulations are the same (ideal devices, every ADC exact).
/// Without a dataset <see cref="Estimate"/> prices analytically counted activity.
/// </summary>
public sealed class EvaluationPipeline(ImportedModel model, SampleFeeder? feeder, IReadOnlyList<IMappingTransform>? transforms = null, ChipSetup? setup = null)
{
    private readonly IReadOnlyList<IMappingTransform> _transforms = transforms ?? [];
    private readonly ChipSetup _setup = setup ?? ChipSetup.Default;
    private readonly Dictionary<string, ChipMapping> _mappings = [];
    private readonly Dictionary<string, SimulatedRun> _simulations = [];
    private int[]? _reference;

    public ImportedModel Model => model;

    /// <summary>The dataset, or null for a dataset-free pipeline (only <see cref="Estimate"/> and the stages before simulation).</summary>
    public SampleFeeder? Feeder => feeder;

    /// <summary>Every stage on one spec: the mapped, compiled chip simulated over the dataset, its activity counted and priced.</summary>
    public EvaluationRun Evaluate(HardwareSpec spec, IProgress<int>? progress = null)
    {
        var mapping = Map(spec);
        var program = Compile(mapping);
        var simulation = Simulate(mapping, program, progress);
        var activity = Count(mapping, program, simulation.Simulator);
        var cost = Price(mapping, activity);
        return new EvaluationRun(mapping, program, simulation.Simulator, Accuracy(simulation.Predictions), activity, cost);
    }

    /// <summary>The price of one spec without a dataset: analytical activity, latency from <paramref name="latency"/>
    /// (the spec's <c>cost.accounting</c> decides how it is charged).</summary>
    public CostReport Estimate(HardwareSpec spec, LatencyModel latency = LatencyModel.Engine) => DatasetFreeCost.Estimate(Map(spec), latency, model.Graph);

    /// <summary>
    /// Maps the model onto the chip <paramref name="spec"/> describes (built once per distinct mapping; the ADC
    /// resolution only changes the spec it carries), then applies every mapping transform in order.
    /// </summary>
    public ChipMapping Map(HardwareSpec spec)
    {
        var key = HardwareSpecWriter.ToYaml(spec with { Readout = spec.Readout with { AdcBits = 1 } });
        if (!_mappings.TryGetValue(key, out var mapping))
        {
            mapping = CrossbarMapper.Map(model.Graph, spec);
            _mappings[key] = mapping;
        }

        mapping = mapping.Spec == spec ? mapping : mapping with { Spec = spec };
        return _transforms.Aggregate(mapping, (m, t) => t.Apply(m));
    }

    public static MappedProgram Compile(ChipMapping mapping) => ProgramCompiler.Compile(mapping);

    /// <summary>
    /// This pipeline's model, dataset and transforms on a chip with <paramref name="chip"/>'s defect map and calibration
    /// set: the mappings already built are shared (a chip's defects do not change how the model maps, e.g. the mapping
    /// a defect map was checked against), simulations and predictions are not.
    /// </summary>
    public EvaluationPipeline With(ChipSetup chip)
    {
        var other = new EvaluationPipeline(model, feeder, _transforms, chip);
        foreach (var (key, mapping) in _mappings)
        {
            other._mappings[key] = mapping;
        }

        return other;
    }

    /// <summary>
    /// The chip's defect map and calibration set (<see cref="ChipSetup"/>). Defect repair (<c>repair.mode</c>) is planned
    /// when a trial's chip is built, because the stuck cells it works around are that trial's (drawn, or the map's).
    /// </summary>
    public ChipSetup Setup => _setup;

    /// <summary>The simulator of the compiled chip (trial <paramref name="trial"/> of the draws when devices are non-ideal,
    /// with the pipeline's defect map, repair and calibration).</summary>
    public FunctionalSimulator Simulator(ChipMapping mapping, MappedProgram program, int trial = 0) =>
        new(model.Graph, mapping, program, trial, _setup);

    /// <summary>
    /// Simulates every sample of the dataset on the compiled chip (beside ONNX Runtime the first time, whose
    /// predictions are kept), or returns an earlier run when the two specs give the same functional simulation:
    /// ideal devices and every ADC exact at both (the ADC resolution then changes neither a prediction nor a count).
    /// The simulator is built only when no earlier run serves.
    /// </summary>
    public SimulatedRun Simulate(ChipMapping mapping, MappedProgram program, IProgress<int>? progress = null)
    {
        var data = RequireFeeder();
        var key = SimulationKey(mapping.Spec, program);
        if (!_simulations.TryGetValue(key, out var run))
        {
            var simulator = Simulator(mapping, program);
            var simulated = new int[data.Count];
            RunDataset(data, (i, sample) => simulated[i] = Top1.Of(simulator.Run(sample)), progress);
            run = new SimulatedRun(simulator, simulated);
            _simulations[key] = run;
        }

        return run;
    }

    /// <summary>
    /// Simulates the dataset once for several specs of ideal devices whose chips map alike (e.g. sweep points that
    /// differ only in ADC bits), in one pass: each image is loaded once and every node computed once for all specs
    /// that read the same up to it (<see cref="SharedPrefixRunner"/>); later <see cref="Simulate"/> and
    /// <see cref="Evaluate"/> calls of these specs return these runs, with the same predictions and counts as
    /// simulating each alone. Specs already simulated, or on the analog path, are left to <see cref="Simulate"/>.
    /// </summary>
    public void SimulateShared(IReadOnlyList<HardwareSpec> specs, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var data = RequireFeeder();
        var pending = new List<(string Key, FunctionalSimulator Simulator)>();
        foreach (var spec in specs.Where(s => !IsAnalog(s)))
        {
            var mapping = Map(spec);
            var program = Compile(mapping);
            var key = SimulationKey(spec, program);
            if (!_simulations.ContainsKey(key) && pending.All(p => p.Key != key))
            {
                pending.Add((key, Simulator(mapping, program)));
            }
        }

        if (pending.Count == 0)
        {
            return;
        }

        var runner = new SharedPrefixRunner([.. pending.Select(p => p.Simulator)]);
        var simulated = pending.Select(_ => new int[data.Count]).ToArray();
        RunDataset(data, (i, sample) =>
        {
            var outputs = runner.Run(sample);
            for (var s = 0; s < outputs.Length; s++)
            {
                simulated[s][i] = Top1.Of(outputs[s]);
            }
        }, progress);
        runner.Finish();
        for (var s = 0; s < pending.Count; s++)
        {
            _simulations[pending[s].Key] = new SimulatedRun(pending[s].Simulator, simulated[s]);
        }
    }

    /// <summary>
    /// Specs with the same key give the same functional simulation: the spec itself, or, for ideal devices whose
    /// every read fits the ADC exactly (rows ≤ 2^bits − 1 in every row block the program reads), the spec with any
    /// ADC resolution.
    /// </summary>
    private string SimulationKey(HardwareSpec spec, MappedProgram program)
    {
        var top = (1L << spec.Readout.AdcBits) - 1;
        var exact = !IsAnalog(spec)
            && program.Stages.All(s => s.Copies.All(c => c.Body.OfType<ReadInstruction>().All(r => r.Rows <= top)));
        return exact ? HardwareSpecWriter.ToYaml(spec with { Readout = spec.Readout with { AdcBits = 1 } }) + "exact" : HardwareSpecWriter.ToYaml(spec);
    }

    /// <summary>True when the spec runs on the analog path (non-ideal devices, or the pipeline's defect map).</summary>
    private bool IsAnalog(HardwareSpec spec) => !spec.NonIdealities.IsIdeal || _setup.Defects is not null;

    /// <summary>
    /// Counts what the chip did: every action of every layer, each row by its executor (<see cref="MeasuredActivity"/>)
    /// over the images <paramref name="simulator"/> ran, or analytically without a simulated image; and the timing
    /// engine's run of the program.
    /// </summary>
    public static CountedActivity Count(ChipMapping mapping, MappedProgram program, FunctionalSimulator? simulator)
    {
        var (counts, _, cycles) = MeasuredActivity.From(mapping, program, simulator);
        return new CountedActivity(counts, cycles);
    }

    public static CostReport Price(ChipMapping mapping, CountedActivity activity) =>
        CostModel.Pricing.CostModel.Price(mapping, activity.Counts, activity.Timing, CircuitOptions.Default);

    /// <summary>ONNX Runtime's top-1 for every sample, computed once.</summary>
    public int[] ReferencePredictions()
    {
        if (_reference is null)
        {
            var data = RequireFeeder();
            var reference = new int[data.Count];
            SampleLoop.Run(model, data, null, (i, _, ort) => reference[i] = ort);
            _reference = reference;
        }

        return _reference;
    }

    /// <summary>The simulated predictions scored against the labels and ONNX Runtime.</summary>
    public AccuracyResult Accuracy(int[] simulated) => AccuracyResult.From(RequireFeeder(), ReferencePredictions(), simulated);

    /// <summary>
    /// Monte-Carlo trials 0 … <paramref name="trials"/> − 1 of <paramref name="spec"/>'s non-idealities, against ONNX
    /// Runtime's predictions; <paramref name="firstTrial"/>, when given, holds trial 0's predictions already simulated.
    /// </summary>
    public MonteCarloResult Trials(HardwareSpec spec, int trials, int[]? firstTrial = null, IProgress<int>? progress = null) =>
        MonteCarloRunner.Run(model.Graph, spec, RequireFeeder(), trials, ReferencePredictions(), firstTrial, progress, _setup);

    /// <summary>Calls <paramref name="simulate"/>(index, sample) for every sample over all cores, beside ONNX Runtime the first time.</summary>
    private void RunDataset(SampleFeeder data, Action<int, float[]> simulate, IProgress<int>? progress)
    {
        if (_reference is null)
        {
            var reference = new int[data.Count];
            SampleLoop.Run(model, data, progress, (i, sample, ort) =>
            {
                reference[i] = ort;
                simulate(i, sample);
            });
            _reference = reference;
            return;
        }

        Parallel.For(0, data.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => simulate(i, data.Sample(i)));
        progress?.Report(data.Count);
    }

    private SampleFeeder RequireFeeder() =>
        feeder ?? throw new InvalidOperationException("this pipeline has no dataset: simulation and trials need one");
}
