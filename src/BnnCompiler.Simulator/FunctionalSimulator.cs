using BnnCompiler.Core.Analysis;
using BnnCompiler.Core.Interpretation;
using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;
using BnnCompiler.Hardware;
using BnnCompiler.Isa;
using BnnCompiler.Isa.Compilation;
using BnnCompiler.Mapping;
using BnnCompiler.Simulator.Analog;
using BnnCompiler.Simulator.Functional;

namespace BnnCompiler.Simulator;

/// <summary>
/// Runs a canonical graph with every binary layer whose input is integer-coded executed on the crossbar
/// model and everything else exactly as the interpreter does (digital). When the spec's
/// <see cref="HardwareSpec.NonIdealities"/> are ideal the crossbar model is the exact, fast
/// <see cref="CrossbarLayer"/>, built from the compiled program (its row blocks and input planes) and the
/// weights read back from the mapped cells, so the program is the contract between compiler and simulator;
/// otherwise each layer computes column currents from drawn cell conductances (see docs/non-idealities.md). Thread-safe; counters accumulate over every image run.
/// </summary>
public sealed class FunctionalSimulator
{
    private readonly IrInterpreter _interpreter;
    private readonly Dictionary<string, SimulatedLayer> _layers = [];

    /// <summary>
    /// Builds the simulator of one Monte-Carlo trial. <paramref name="trial"/> (0, 1, 2, …) selects the
    /// trial: every random draw of the non-ideal models (per-cell variation, stuck cells, drift exponents,
    /// per-ADC offsets and gains, read and conversion noise) comes from Core's SplitMix64 streams seeded by
    /// <c>spec.NonIdealities.Seed</c> + trial and named by the layer and subarray (<see cref="AnalogStreams"/>),
    /// so the same seed and trial give the same numbers on every machine and in any thread order, different
    /// trials are independent draws, and trial t of seed S is trial 0 of seed S + t. With ideal non-idealities
    /// the trial has no effect.
    /// </summary>
    public FunctionalSimulator(IrGraph graph, HardwareSpec spec, int trial = 0)
        : this(graph, spec, trial, analog: !spec.NonIdealities.IsIdeal)
    {
    }

    /// <summary>
    /// As the main constructor, for a chip with its own defect map and calibration set (<see cref="ChipSetup"/>): the
    /// analog path takes stuck cells from <see cref="ChipSetup.Defects"/> when given, repairs around them as
    /// <c>repair.mode</c> says (with <c>pe.spare_subarrays</c>, a block its subarray's repair leaves with weight errors moves
    /// onto a spare subarray of its PE: <see cref="SpareSubarrayPool"/>), and calibrates the column references on
    /// <see cref="ChipSetup.CalibrationInputs"/>.
    /// </summary>
    public FunctionalSimulator(IrGraph graph, HardwareSpec spec, int trial, ChipSetup setup)
        : this(graph, spec, trial, IsAnalog(spec, setup), null, setup, null)
    {
    }

    /// <summary>
    /// As the main constructor, but with the crossbar model chosen explicitly: <paramref name="analog"/> true runs
    /// every crossbar layer as an <see cref="AnalogCrossbarLayer"/> even when the non-idealities are ideal (with
    /// every magnitude zero it gives exactly the ideal path's outputs, only slower), false runs the ideal
    /// <see cref="CrossbarLayer"/> whatever the non-idealities say.
    /// </summary>
    public FunctionalSimulator(IrGraph graph, HardwareSpec spec, int trial, bool analog)
        : this(graph, spec, trial, analog, analog ? null : CompileLayers(graph, spec), ChipSetup.Default, null)
    {
    }

    /// <summary>
    /// The simulator of an already compiled chip (for callers that map and compile anyway): with ideal devices every
    /// crossbar layer runs as <paramref name="program"/> states it (row blocks, input planes) with the weights read
    /// back from <paramref name="mapping"/>'s cells; otherwise trial <paramref name="trial"/> of the analog path.
    /// </summary>
    public FunctionalSimulator(IrGraph graph, ChipMapping mapping, MappedProgram program, int trial = 0, ChipSetup? setup = null)
        : this(graph, mapping.Spec, trial, IsAnalog(mapping.Spec, setup),
            IsAnalog(mapping.Spec, setup) ? null : ProgramReader.Read(program, mapping), setup ?? ChipSetup.Default, mapping)
    {
    }

    private FunctionalSimulator(IrGraph graph, HardwareSpec spec, int trial, bool analog, IReadOnlyDictionary<string, ProgrammedLayer>? programmed, ChipSetup setup, ChipMapping? mapping)
    {
        ArgumentNullException.ThrowIfNull(setup);
        programmed ??= analog ? null : CompileLayers(graph, spec);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegative(trial);
        Trial = trial;
        var encodings = EncodingAnalysis.Compute(graph);
        var imageValues = ImageInputs.Of(graph);
        var spares = analog && spec.Repair.UsesSpares && spec.Pe.SpareSubarrays > 0
            ? new SpareSubarrayPool(mapping ?? CrossbarMapper.Map(graph, spec), trial, setup.Defects)
            : null;
        _interpreter = new IrInterpreter(graph, node =>
        {
            if (encodings.GetValueOrDefault(node.Inputs[0]) is not { } encoding
                || encoding.Scale != MathF.Round(encoding.Scale) || encoding.Offset != MathF.Round(encoding.Offset))
            {
                return null;
            }

            var isImage = imageValues.Contains(node.Inputs[0]);
            if (analog)
            {
                var analogLayer = new AnalogCrossbarLayer(node, encoding, isImage, spec, trial, defects: setup.Defects, spares: spares);
                _layers[node.Name] = new SimulatedLayer(node.Name, analogLayer.Counters, analogLayer.IsExact, analogLayer);
                return analogLayer;
            }

            var stage = programmed?.GetValueOrDefault(node.Name)
                ?? throw new InvalidOperationException($"the compiled program has no stage for crossbar layer '{node.Name}'");
            var layer = new CrossbarLayer(node, encoding, spec.Readout, stage);
            _layers[node.Name] = new SimulatedLayer(node.Name, layer.Counters, layer.IsExact, layer);
            return layer;
        });
        if (analog && spec.Repair.Calibrates)
        {
            Calibrate(setup.CalibrationInputs is { Count: > 0 } inputs
                ? inputs
                : throw new InvalidOperationException("repair.mode map+spares+calibrate needs a calibration set (ChipSetup.CalibrationInputs)"));
        }
    }

    /// <summary>
    /// Calibrates the chip as after programming (<c>repair.mode</c> map+spares+calibrate): runs the calibration set through
    /// it while every analog layer records its columns' counts against the match counts, then moves each column's ADC
    /// references onto its fitted transfer (<see cref="ColumnCalibration"/>). One analog layer at a time in graph
    /// order, each seeing the already calibrated layers before it. Calibration runs are not the chip's activity: every
    /// layer's counters start from zero afterwards.
    /// </summary>
    private void Calibrate(IReadOnlyList<float[]> inputs)
    {
        var analog = _layers.Values.Select(l => l.Executor).OfType<AnalogCrossbarLayer>().ToList();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) };
        foreach (var layer in analog)
        {
            layer.StartCalibration();
            Parallel.For(0, inputs.Count, options, i => _interpreter.Run(inputs[i]));
            layer.FinishCalibration();
        }

        foreach (var layer in _layers.Values)
        {
            layer.Counters.Reset();
        }
    }

    /// <summary>True when the chip runs on the analog path: non-ideal devices, or a defect map (whose stuck cells an
    /// otherwise ideal spec would not draw).</summary>
    private static bool IsAnalog(HardwareSpec spec, ChipSetup? setup) => !spec.NonIdealities.IsIdeal || setup?.Defects is not null;

    /// <summary>The Monte-Carlo trial this simulator draws (see the constructor).</summary>
    public int Trial { get; }

    /// <summary>The crossbar-executed layers, by IR node name, in graph order.</summary>
    public IReadOnlyDictionary<string, SimulatedLayer> Layers => _layers;

    /// <summary>Stuck cells and weight errors before and after repair, over every analog layer (zero on the ideal path).</summary>
    public Mapping.Repair.RepairCounts Repair => _layers.Values
        .Select(l => l.Executor is AnalogCrossbarLayer a ? a.Cells.Repair : Mapping.Repair.RepairCounts.Zero)
        .Aggregate(Mapping.Repair.RepairCounts.Zero, (sum, c) => sum.Add(c));

    /// <summary>True when the ADC reads every count exactly and inputs keep full precision.</summary>
    public bool IsExact => _layers.Values.All(l => l.IsExact);

    public float[] Run(ReadOnlySpan<float> input) => _interpreter.Run(input);

    /// <summary>The canonical graph this simulator runs.</summary>
    public IrGraph Graph => _interpreter.Graph;

    /// <summary>Evaluates nodes [first, end) with this chip's crossbar layers (see <see cref="IrInterpreter.RunNodes"/> and <see cref="SharedPrefixRunner"/>).</summary>
    public void RunNodes(float[][] values, int first, int end) => _interpreter.RunNodes(values, first, end);

    /// <summary>The slot of the graph's first output in the values <see cref="RunNodes"/> fills.</summary>
    public int OutputSlot => _interpreter.OutputSlot;

    /// <summary>Runs one input and returns every value of the graph (each layer's input as the crossbars receive it).</summary>
    public Dictionary<Core.Ir.IrValue, float[]> RunAll(ReadOnlySpan<float> input) => _interpreter.RunAll(input);

    /// <summary>Maps and compiles the graph: the program and the programmed cells the ideal path executes.</summary>
    private static IReadOnlyDictionary<string, ProgrammedLayer> CompileLayers(IrGraph graph, HardwareSpec spec)
    {
        var mapping = CrossbarMapper.Map(graph, spec);
        return ProgramReader.Read(ProgramCompiler.Compile(mapping), mapping);
    }
}
