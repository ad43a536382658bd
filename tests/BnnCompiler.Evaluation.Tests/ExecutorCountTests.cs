using BnnCompiler.Circuits.Activity;
using BnnCompiler.Data;
using BnnCompiler.Evaluation.Pipeline;
using BnnCompiler.Hardware;
using BnnCompiler.Mapping;
using BnnCompiler.Onnx;
using BnnCompiler.Simulator;
using BnnCompiler.Simulator.Timing;
using BnnCompiler.Testing;
using BnnCompiler.Zoo;
using Google.Protobuf;

namespace BnnCompiler.Evaluation.Tests;

/// <summary>
/// The executors count what they execute, and where a count is structural (fixed by the mapping, not the data) it must
/// equal the analytical model's formula: the timing engine's per-instruction counts against
/// <see cref="AnalyticalActivity"/> on every shipped model and BResNet18 under every weight layout, and the simulator's
/// reads and conversions against the engine's. A simulated run's table takes each row from its counter.
/// </summary>
public sealed class ExecutorCountTests
{
    private static readonly Lazy<ImportedModel> BResNet18 = new(() =>
        OnnxFrontend.FromBytes(ImageNetZoo.Build("bresnet18", ImageNetZoo.DefaultSeed).ToByteArray(), "bresnet18.onnx"));

    /// <summary>Spec variants that change how a weight is read and how data moves.</summary>
    private static readonly string[][] Variants =
    [
        ["readout.input_bits=1"],
        ["readout.input_bits=8"],
        ["weights.mapping=two_cells_sequential", "readout.input_bits=4"],
        ["weights.mapping=one_cell_reference", "readout.input_bits=2"],
        ["weights.pair_layout=columns", "readout.input_bits=3"],
        ["chip.interconnect.topology=mesh"],
        ["readout.input_bits=1", "subarray.parallel_rows=32"],
    ];

    public static TheoryData<string> ShippedModels()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(RepoPaths.Repo("onnx-models"), "*.onnx").Concat(Directory.GetFiles(RepoPaths.External, "*.onnx", SearchOption.AllDirectories)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedModels))]
    public void TheTimingEngineCountsEveryStructuralRowAsTheAnalyticalModelDoes(string model) =>
        AssertEngineMatchesAnalytical(OnnxFrontend.Load(RepoPaths.Repo(model)), [.. Variants, ["--sram"]]);

    [Fact]
    public void TheTimingEngineCountsBResNet18AsTheAnalyticalModelDoes() =>
        AssertEngineMatchesAnalytical(BResNet18.Value, [Variants[0], Variants[2], Variants[3]]);

    [Theory]
    [InlineData("onnx-models/fmnist-cnn.onnx", "fashion-mnist", "readout.input_bits=4")]
    [InlineData("onnx-models/fmnist-rescnn.onnx", "fashion-mnist", "weights.mapping=two_cells_sequential")]
    [InlineData("onnx-models/fmnist-mlp.qonnx.onnx", "fashion-mnist", "weights.mapping=one_cell_reference")]
    [InlineData("onnx-models/mnist-cnn.onnx", "mnist-heldout", "weights.pair_layout=columns")]
    [InlineData("onnx-models/fmnist-cnn.onnx", "fashion-mnist", "subarray.parallel_rows=32")]  // conv1's 9-row block: one group
    public void TheSimulatorCountsReadsConversionsAndPartialSumAddsAsTheEngineDoesAndTheRunTakesEachRowFromItsCounter(string model, string dataName, string setting)
    {
        const int Images = 12;
        var imported = OnnxFrontend.Load(RepoPaths.Repo(model));
        var feeder = new SampleFeeder(imported.Graph, DatasetCatalog.Load(dataName).Take(Images), imported.Path);
        var run = new EvaluationPipeline(imported, feeder).Evaluate(Spec(setting));
        var (analytical, _) = AnalyticalActivity.Estimate(run.Mapping, run.Mapping.Spec, ActivityAssumptions.Default with { Images = Images });
        Assert.Equal(Images, run.Activity.Counts.Images);
        foreach (var counts in run.Activity.Counts.Layers)
        {
            var stage = run.Activity.Cycles.Stages.Single(s => s.Index == counts.LayerId).Actions.Scale(Images);
            var simulated = SimulatedActions.Of(run.Simulator.Layers[counts.Layer].Counters, run.Mapping.Layer(counts.Layer), run.Mapping.Spec.Weights);
            foreach (var action in new[] { ChipActions.SubarrayRead, ChipActions.AdcConvert, ChipActions.BitLineSense, ChipActions.MuxSelect })
            {
                Assert.True(stage[action] == simulated[action], $"{model} {counts.Layer} {action}: engine {stage[action]}, simulator {simulated[action]}");
            }

            // The simulator adds the partial sums of a layer's row blocks; the engine's adder trees do the same additions by level.
            var treeAdds = stage[ChipActions.PeAdd] + stage[ChipActions.TileAdd] + stage[ChipActions.ChipAdd];
            Assert.Equal(run.Simulator.Layers[counts.Layer].Counters.PartialSumAdds, treeAdds);

            var fromAnalytical = analytical.Layers.Single(l => l.LayerId == counts.LayerId);
            foreach (var action in ChipActions.All)
            {
                var expected = action.CountedBy switch
                {
                    ActionCounter.Simulator => simulated[action],
                    ActionCounter.TimingEngine => stage[action],
                    _ => fromAnalytical[action],
                };
                Assert.True(expected == counts[action], $"{model} {counts.Layer} {action} ({action.CountedBy}): expected {expected}, counted {counts[action]}");
            }

            // The data decides the row drives: the simulator's count is not the analytical model's assumed half.
            Assert.NotEqual(fromAnalytical[ChipActions.CellReadOn], counts[ChipActions.CellReadOn]);
        }
    }

    [Fact]
    public void RowGroupsOfAOneBitLayerAreAddedInTheShiftAddUnitAndPriced()
    {
        // fc2 of the default CNN: K = 256, N = 10, one pixel, one input bit, 4 row blocks of 64 weight rows. Read 32 of
        // the 128 rows at a time, each block is 4 groups: 4 · 4 · 10 = 160 conversions an image, each folded into its
        // accumulator (shift_add.add); the executor adds a block's 4 group codes with 3 additions, 4 · 3 · 10 = 120, and
        // the 4 blocks' partial sums with 3 · 10 = 30. Read all at once, one bit needs no shift-add at all.
        const int Images = 2;
        var imported = OnnxFrontend.Load(RepoPaths.Repo("onnx-models/fmnist-cnn.onnx"));
        var feeder = new SampleFeeder(imported.Graph, DatasetCatalog.Load("fashion-mnist").Take(Images), imported.Path);
        var run = new EvaluationPipeline(imported, feeder).Evaluate(Spec("readout.input_bits=1", "subarray.parallel_rows=32"));
        var fc2 = run.Activity.Counts.Layers.Single(l => l.Layer == "fc2");
        Assert.Equal(Images * 160, fc2[ChipActions.AdcConvert]);
        Assert.Equal(Images * 160, fc2[ChipActions.ShiftAdd]);
        Assert.Equal(Images * 120, run.Simulator.Layers["fc2"].Counters.ShiftAdds);
        Assert.Equal(Images * 30, run.Simulator.Layers["fc2"].Counters.PartialSumAdds);

        // Priced by the one table: the unit sums 4 codes of a 1-bit input, ADC bits + 1 + 2 wide; a 1-bit chip read at
        // once has none.
        var spec = run.Mapping.Spec;
        var circuits = Circuits.ChipCircuits.Build(run.Mapping, Circuits.CircuitOptions.Default);
        var unit = Circuits.Components.ShiftAddModel.PerAdc(spec.Readout.AdcBits, 3, circuits.Tech);
        Assert.Equal(unit, circuits.ShiftAdd);
        Assert.True(ChipActions.ShiftAdd.EnergyPj(circuits) > 0);
        var atOnce = new EvaluationPipeline(imported, null).Map(Spec("readout.input_bits=1"));
        Assert.Equal(Circuits.Components.UnitCost.Zero, Circuits.ChipCircuits.Build(atOnce, Circuits.CircuitOptions.Default).ShiftAdd);
        Assert.Equal(0, EngineAndAnalyticalOf(atOnce).Sum(l => l.Engine[ChipActions.ShiftAdd]));
    }

    [Fact]
    public void EachRowBlockIsChargedTheRowGroupsItIsReadIn()
    {
        // fmnist-cnn with the pair in columns: 128 weight rows a subarray, read 32 rows at a time (groups of 32 weight
        // rows, 4 for a full block). Per image, by hand:
        // conv1: K = 9, one block of 9 rows read in 1 group (not 4); 784 pixels, 8 planes, N = 32 on 64 columns:
        //   reads 784 · 8 = 6,272, conversions 6,272 · 64 = 401,408, all folded into the accumulators (8 planes).
        // conv2: K = 288, blocks of 128, 128 and 32 rows: 4 + 4 + 1 = 9 groups (not 3 · 4 = 12); 784 pixels, 1 plane:
        //   reads 784 · 9 = 7,056, conversions 7,056 · 64 = 451,584; shift-adds for the two 4-group blocks only,
        //   784 · 8 · 64 = 401,408 (the 32-row block's one conversion goes on as it is).
        // fc2: K = 256, two blocks of 128 rows, 4 groups each; N = 10 on 20 columns: reads 8, conversions 160, shift-adds 160.
        var pipeline = new EvaluationPipeline(OnnxFrontend.Load(RepoPaths.Repo("onnx-models/fmnist-cnn.onnx")), null);
        var mapping = pipeline.Map(Spec("weights.pair_layout=columns", "subarray.parallel_rows=32"));
        var expected = new Dictionary<string, (long Reads, long Conversions, long ShiftAdds)>
        {
            ["conv1"] = (6_272, 401_408, 401_408),
            ["conv2"] = (7_056, 451_584, 401_408),
            ["fc2"] = (8, 160, 160),
        };
        var layers = EngineAndAnalyticalOf(mapping);
        foreach (var (analytical, engine) in layers.Where(l => expected.ContainsKey(l.Analytical.Layer)))
        {
            foreach (var actions in new[] { analytical.Actions, engine })
            {
                Assert.Equal(expected[analytical.Layer], (actions[ChipActions.SubarrayRead], actions[ChipActions.AdcConvert], actions[ChipActions.ShiftAdd]));
            }
        }

        // conv1's one group costs what reading every row at once costs: the same stage cycles, in the schedule too. The
        // copies are fixed here, so that both chips place their tiles alike (auto duplication gives the chip read in
        // groups more copies of conv2, whose blocks are read in 4 groups, and the tiles after conv1 move).
        string[] oneCopy = ["weights.pair_layout=columns", "pipeline.duplication.mode=fixed"];
        var atOnce = pipeline.Map(Spec(oneCopy));
        var inGroups = pipeline.Map(Spec([.. oneCopy, "subarray.parallel_rows=32"]));
        Assert.Equal(Stage(atOnce, "conv1"), Stage(inGroups, "conv1"));
        Assert.Equal(atOnce.Schedule.Stages[0].SensingCycles, inGroups.Schedule.Stages[0].SensingCycles);
        Assert.Equal(4 * atOnce.Schedule.Stages[^1].SensingCycles, inGroups.Schedule.Stages[^1].SensingCycles);
    }

    private static long Stage(ChipMapping mapping, string layer) =>
        TimingEngine.Run(EvaluationPipeline.Compile(mapping)).Stages.Single(s => s.Layer == layer).Breakdown.TotalCycles;

    /// <summary>
    /// The rows still priced analytically in a simulated run, where the engine counts differently (docs/cost-model.md,
    /// "Who counts what"): every pooled element against 3 steps per 4 (2 × 2 windows), the last layer's scores at the
    /// program's partial-sum width against one bit per output, and both digital steps of fmnist-rescnn's layers against one.
    /// </summary>
    [Fact]
    public void WhereTheEngineAndTheFormulasStillDifferTheyDifferForTheStatedReasons()
    {
        var (cnn, cnnProgram) = EngineAndAnalytical("onnx-models/fmnist-cnn.onnx");
        var pooled = cnn.Where(l => l.Analytical[ChipActions.Pool] > 0).ToList();
        Assert.NotEmpty(pooled);
        Assert.All(pooled, l => Assert.Equal(4 * l.Analytical[ChipActions.Pool], 3 * l.Engine[ChipActions.Pool]));
        var last = cnn[^1];
        Assert.Equal(last.Analytical[ChipActions.GlobalBufferWrite] * cnnProgram.Machine.PartialSumBits, last.Engine[ChipActions.GlobalBufferWrite]);
        Assert.All(cnn.Take(cnn.Count - 1), l => Assert.Equal(l.Analytical[ChipActions.GlobalBufferWrite], l.Engine[ChipActions.GlobalBufferWrite]));

        var (rescnn, _) = EngineAndAnalytical("onnx-models/fmnist-rescnn.onnx");
        var twoSteps = rescnn.Where(l => l.Engine[ChipActions.Threshold] != l.Analytical[ChipActions.Threshold]).ToList();
        Assert.NotEmpty(twoSteps);
        Assert.All(twoSteps, l => Assert.Equal(2 * l.Analytical[ChipActions.Threshold], l.Engine[ChipActions.Threshold]));
    }

    private static (List<(LayerActionCounts Analytical, ActionTable Engine)> Layers, Isa.MappedProgram Program) EngineAndAnalytical(string model)
    {
        var pipeline = new EvaluationPipeline(OnnxFrontend.Load(RepoPaths.Repo(model)), null);
        var mapping = pipeline.Map(Spec("readout.input_bits=1"));
        return (EngineAndAnalyticalOf(mapping), EvaluationPipeline.Compile(mapping));
    }

    private static List<(LayerActionCounts Analytical, ActionTable Engine)> EngineAndAnalyticalOf(ChipMapping mapping)
    {
        var timing = TimingEngine.Run(EvaluationPipeline.Compile(mapping));
        var (analytical, _) = AnalyticalActivity.Estimate(mapping, mapping.Spec, ActivityAssumptions.Default);
        return [.. analytical.Layers.Select(l => (l, timing.Stages.Single(s => s.Index == l.LayerId).Actions))];
    }

    private static HardwareSpec Spec(params string[] overrides) => overrides is ["--sram"]
        ? HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/sram.yaml"), [])
        : HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), overrides);

    private static void AssertEngineMatchesAnalytical(ImportedModel model, string[][] variants)
    {
        var structural = ChipActions.All.Where(a => a.CountedBy == ActionCounter.TimingEngine).ToList();
        Assert.NotEmpty(structural);
        foreach (var variant in variants)
        {
            var pipeline = new EvaluationPipeline(model, null);
            var mapping = pipeline.Map(Spec(variant));
            var timing = TimingEngine.Run(EvaluationPipeline.Compile(mapping));
            var (analytical, _) = AnalyticalActivity.Estimate(mapping, mapping.Spec, ActivityAssumptions.Default);
            Assert.Equal(mapping.Layers.Count, timing.Stages.Count);
            foreach (var layer in analytical.Layers)
            {
                var engine = timing.Stages.Single(s => s.Index == layer.LayerId).Actions;
                foreach (var action in structural)
                {
                    Assert.True(layer[action] == engine[action],
                        $"{model.Path} [{string.Join(' ', variant)}] {layer.Layer} {action}: analytical {layer[action]}, engine {engine[action]}");
                }

                Assert.True(engine[ChipActions.SubarrayRead] > 0, $"{layer.Layer}: the engine executed no read");
            }
        }
    }
}
