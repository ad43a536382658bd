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
    /// </summary>
    public SimulatedRun Simulate(ChipMapping mapping, MappedProgram program, IProgress<int>? progress = null)
    {
        var data = RequireFeeder();
        var spec = mapping.Spec;
        var simulator = Simulator(mapping, program);
        var exact = spec.NonIdealities.IsIdeal
            && simulator.Layers.Values.All(l => l.Executor is CrossbarLayer crossbar && crossbar.Adcs.All(a => a.IsExact));
        var key = HardwareSpecWriter.ToYaml(exact ? spec with { Readout = spec.Readout with { AdcBits = 1 } } : spec) + (exact ? "exact" : string.Empty);
        if (!_simulations.TryGetValue(key, out var run))
        {
            run = new SimulatedRun(simulator, RunDataset(data, simulator, progress));
            _simulations[key] = run;
        }

        return run;
    }

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

    private int[] RunDataset(SampleFeeder data, FunctionalSimulator simulator, IProgress<int>? progress)
    {
        var simulated = new int[data.Count];
        if (_reference is null)
        {
            var reference = new int[data.Count];
            SampleLoop.Run(model, data, progress, (i, sample, ort) =>
            {
                reference[i] = ort;
                simulated[i] = Top1.Of(simulator.Run(sample));
            });
            _reference = reference;
            return simulated;
        }

        Parallel.For(0, data.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => simulated[i] = Top1.Of(simulator.Run(data.Sample(i))));
        progress?.Report(data.Count);
        return simulated;
    }

    private SampleFeeder RequireFeeder() =>
        feeder ?? throw new InvalidOperationException("this pipeline has no dataset: simulation and trials need one");
}
