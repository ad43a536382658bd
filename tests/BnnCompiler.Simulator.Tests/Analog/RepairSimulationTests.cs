using BnnCompiler.Core;
using BnnCompiler.Core.Analysis;
using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Core.Interpretation;
using BnnCompiler.Core.Ir;
using BnnCompiler.Data;
using BnnCompiler.Evaluation;
using BnnCompiler.Hardware;
using BnnCompiler.Mapping;
using BnnCompiler.Mapping.Defects;
using BnnCompiler.Onnx;
using BnnCompiler.Simulator.Analog;
using BnnCompiler.Simulator.Functional;
using BnnCompiler.Testing;

namespace BnnCompiler.Simulator.Tests.Analog;

/// <summary>
/// The repaired chip as the analog layer executes it: a placement that avoids every stuck cell computes exactly what the
/// ideal layer computes (moved rows, moved and flipped columns included), a defect map written by the generator gives the
/// same chip as the draws it came from, and repair recovers the default CNN from a chip with 10.8 % stuck cells.
/// </summary>
public sealed class RepairSimulationTests
{
    [Theory]
    [InlineData("map")]
    [InlineData("map+spares")]
    public void Should_Compute_Exactly_What_The_Ideal_Layer_Does_When_Repair_Avoids_Every_Stuck_Cell(string mode)
    {
        // Six stuck cells per subarray, each in its own row and column: flipping a column (or moving it, or its rows)
        // always avoids them, so the repaired layer must match the ideal one bit for bit; the naive one must not. The
        // ADC reads every count (7 bits over 64-row blocks): a flipped column reads valid rows − m instead of m, which a
        // coarser ADC rounds differently at ties and in padded blocks.
        var (model, samples) = Load("fmnist-cnn.onnx", 30);
        var spec = HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"),
            ["repair.mode=" + mode, "subarray.spare_rows=4", "subarray.spare_columns=4", "readout.adc_bits=7"]);
        var defects = new ScatteredDefects(spec.Subarray.PhysicalRows, spec.Subarray.PhysicalColumns);
        var repaired = CompareLayers(model.Graph, spec, defects, samples);
        Assert.True(repaired.Naive > 0);
        Assert.Equal(0, repaired.Left);
        Assert.True(repaired.Flips, "some column is stored negated");
        Assert.Equal(0, repaired.Mismatches);

        var naive = CompareLayers(model.Graph, spec with { Repair = spec.Repair with { Mode = RepairMode.None } }, defects, samples);
        Assert.True(naive.Mismatches > 0, "the naive mapping reads the stuck cells");
    }

    [Fact]
    public void Should_Move_A_Ruined_Subarrays_Block_Onto_The_Spare_Subarray_Of_Its_Pe()
    {
        // A hand-built map: every cell of the subarray holding fc2's first block stuck on (no placement inside it helps),
        // and two stuck cells on its PE's spare subarray (listed after the PE's subarrays), which the column assignment
        // avoids. With one spare subarray a PE the block moves there and the layer computes exactly what the ideal one does.
        var (model, samples) = Load("fmnist-cnn.onnx", 20);
        var spec = HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), ["repair.mode=map+spares", "pe.spare_subarrays=1", "readout.adc_bits=7"]);
        var mapping = CrossbarMapper.Map(model.Graph, spec);
        var a = mapping.Layer("fc2").Block(0, 0, 0).Address;
        var (rows, columns) = (spec.Subarray.PhysicalRows, spec.Subarray.PhysicalColumns);
        var spareIndex = mapping.Floorplan.SubarraysPerPe.Count;
        var entries = Enumerable.Range(0, rows * columns).Select(i => new DefectEntry(a.Tile, a.Pe, a.Subarray, i / columns, i % columns, StuckState.On))
            .Append(new DefectEntry(a.Tile, a.Pe, spareIndex, 0, 0, StuckState.On))
            .Append(new DefectEntry(a.Tile, a.Pe, spareIndex, 5, 7, StuckState.Off));
        var map = new DefectMap(entries);
        map.CheckAgainst(mapping, "hand.csv");
        var beyond = new DefectMap([new DefectEntry(a.Tile, a.Pe, spareIndex + 1, 0, 0, StuckState.On) { Line = 2 }]);
        Assert.Contains("1 spare subarrays included", Assert.Throws<DiagnosticException>(() => beyond.CheckAgainst(mapping, "hand.csv")).Message);

        var source = new MappedDefectSource(map, mapping);
        var moved = CompareLayers(model.Graph, spec, source, samples, new SpareSubarrayPool(mapping, 0, source));
        Assert.Equal(1, moved.Moved);
        Assert.True(moved.Naive > 0);
        Assert.Equal(0, moved.Left);
        Assert.Equal(0, moved.Mismatches);

        var without = HardwareSpecLoader.ApplyOverrides(spec, ["pe.spare_subarrays=0"]);
        var stays = CompareLayers(model.Graph, without, source, samples);
        Assert.Equal(0, stays.Moved);
        Assert.True(stays.Left > 0 && stays.Mismatches > 0, $"{stays.Left} errors left, {stays.Mismatches} differing outputs");
    }

    [Fact]
    public void Should_Give_A_Pes_Spare_Subarray_To_The_Block_It_Helps_Most()
    {
        // conv2's row blocks 0 and 1 share a PE. Block 0 (first in graph order) has two whole rows stuck on, which leaves
        // it a few errors; block 1's subarray is stuck on in every cell (64 × 32 weights, each Off cell wrong: 2,048).
        // The one spare goes to block 1 (the fewest errors left in all), so what is left is block 0's few errors.
        var (model, samples) = Load("fmnist-cnn.onnx", 2);
        var spec = HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), ["repair.mode=map+spares", "pe.spare_subarrays=1"]);
        var mapping = CrossbarMapper.Map(model.Graph, spec);
        var (first, second) = (mapping.Layer("conv2").Block(0, 0, 0).Address, mapping.Layer("conv2").Block(0, 1, 0).Address);
        Assert.Equal((first.Tile, first.Pe), (second.Tile, second.Pe));
        var columns = spec.Subarray.PhysicalColumns;
        var cells = Enumerable.Range(0, spec.Subarray.PhysicalRows * columns);
        var map = new DefectMap(cells.Where(i => i / columns is 3 or 70).Select(i => new DefectEntry(first.Tile, first.Pe, first.Subarray, i / columns, i % columns, StuckState.On))
            .Concat(cells.Select(i => new DefectEntry(second.Tile, second.Pe, second.Subarray, i / columns, i % columns, StuckState.On))));
        var source = new MappedDefectSource(map, mapping);

        var result = CompareLayers(model.Graph, spec, source, samples, new SpareSubarrayPool(mapping, 0, source));
        Assert.Equal(1, result.Moved);
        Assert.InRange(result.Left, 1, 2047);
    }

    [Fact]
    public void Should_Simulate_The_Same_Chip_From_A_Generated_Defect_Map_As_From_The_Draws()
    {
        var (model, samples) = Load("fmnist-cnn.onnx", 20);
        var spec = HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/rram-nonideal.yaml"), ["non_idealities.ir_drop.wire_resistance_ohm=1", "repair.mode=map"]);
        var mapping = CrossbarMapper.Map(model.Graph, spec);
        var map = DefectMapGenerator.Generate(mapping, trial: 2);
        Assert.NotEmpty(map.Entries);
        var drawn = new FunctionalSimulator(model.Graph, spec, 2, ChipSetup.Default);
        var fromFile = new FunctionalSimulator(model.Graph, spec, 2, new ChipSetup(new MappedDefectSource(map, mapping), null));
        Assert.Equal(drawn.Repair, fromFile.Repair);
        foreach (var sample in samples)
        {
            Assert.Equal(drawn.Run(sample), fromFile.Run(sample));
        }
    }

    [Fact]
    public void Should_Recover_The_Default_Cnn_From_A_Chip_With_Published_Stuck_At_Rates()
    {
        // 9.04 % stuck on, 1.75 % stuck off (rram-nonideal.yaml), the other effects off: the naive chip is near chance.
        var (model, samples) = Load("fmnist-cnn.onnx", 100);
        var stuckOnly = new[] { "non_idealities.ir_drop.wire_resistance_ohm=0", "non_idealities.device_variation.sigma=0", "non_idealities.read_noise_sigma=0", "non_idealities.finite_on_off_ratio=false" };
        var reference = new FunctionalSimulator(model.Graph, HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), []));
        var expected = samples.Select(s => Top1.Of(reference.Run(s))).ToArray();
        double Agreement(string mode)
        {
            var spec = HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/rram-nonideal.yaml"), [.. stuckOnly, "repair.mode=" + mode]);
            var chip = new FunctionalSimulator(model.Graph, spec, 0, ChipSetup.Default);
            return samples.Select((s, i) => Top1.Of(chip.Run(s)) == expected[i] ? 1.0 : 0.0).Average();
        }

        var none = Agreement("none");
        var map = Agreement("map");
        Assert.True(none < 0.5, $"naive agreement {none:P0}");
        Assert.True(map > 0.85, $"repaired agreement {map:P0}");
    }

    [Fact]
    public void Should_Recover_The_Default_Cnn_From_Ir_Drop_By_Calibrating_The_Column_References()
    {
        // 1 Ω of wire per cell, every row of 128 read at once: the columns' currents shrink and the nominal references
        // no longer fit them. Calibrated on 100 training images (held apart from the test images), the chip follows.
        var (model, samples) = Load("fmnist-cnn.onnx", 60);
        var calibration = CalibrationSet(model, 100);
        var reference = new FunctionalSimulator(model.Graph, HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), []));
        var expected = samples.Select(s => Top1.Of(reference.Run(s))).ToArray();
        double Agreement(string mode)
        {
            var spec = HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), ["non_idealities.ir_drop.wire_resistance_ohm=1", "repair.mode=" + mode]);
            var chip = new FunctionalSimulator(model.Graph, spec, 0, new ChipSetup(null, calibration));
            return samples.Select((s, i) => Top1.Of(chip.Run(s)) == expected[i] ? 1.0 : 0.0).Average();
        }

        var uncalibrated = Agreement("map");
        var calibrated = Agreement("map+spares+calibrate");
        Assert.True(uncalibrated < 0.4, $"uncalibrated agreement {uncalibrated:P0}");
        Assert.True(calibrated > 0.85, $"calibrated agreement {calibrated:P0}");
    }

    [Fact]
    public void Should_Recover_More_Of_Six_Ohms_With_Row_Groups_And_Shorter_Rows()
    {
        // 6 Ω of wire per cell, devices otherwise ideal (Off cells do not conduct, so the row lines carry half the load of
        // rram-nonideal.yaml's). One calibrated line per column cannot absorb the rows' spread along a 128-row column read
        // at once; row groups of 16 rows each get their own line, on 128 or 64 columns, and the chip follows the ideal one;
        // as closely on 64 of the 128 columns (repair.max_columns: the row lines carry current over half their length) as on
        // 64-column subarrays. The compiler's own plan at 6 Ω (IrDropReadPlan: 64 columns, groups of λ/2 = 16 rows), on
        // default.yaml without its parallel_rows key (which the plan leaves alone where the spec gives it), is that chip.
        var (model, samples) = Load("fmnist-cnn.onnx", 60);
        var calibration = CalibrationSet(model, 60);
        var reference = new FunctionalSimulator(model.Graph, HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), []));
        var expected = samples.Select(s => Top1.Of(reference.Run(s))).ToArray();
        string[] sixOhms = ["non_idealities.ir_drop.wire_resistance_ohm=6", "repair.mode=map+spares+calibrate"];
        double Agreement(HardwareSpec spec)
        {
            var simulator = new FunctionalSimulator(model.Graph, spec, 0, new ChipSetup(null, calibration));
            return samples.Select((s, i) => Top1.Of(simulator.Run(s)) == expected[i] ? 1.0 : 0.0).Average();
        }

        double Given(params string[] chip) => Agreement(HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), [.. sixOhms, .. chip]));
        var all = Given("subarray.parallel_rows=all", "repair.max_columns=all");
        var groups = Given("subarray.parallel_rows=16", "repair.max_columns=all");
        var shortRows = Given("subarray.parallel_rows=16", "subarray.columns=64");
        var capped = Given("subarray.parallel_rows=16", "repair.max_columns=64");
        var unset = File.ReadAllText(RepoPaths.Repo("hwspecs/default.yaml")).Replace("parallel_rows: all", string.Empty, StringComparison.Ordinal);
        var plan = HardwareSpecLoader.Parse(unset, "default.yaml without parallel_rows", sixOhms);
        Assert.Equal((64, 16), (plan.UsedColumns, plan.Subarray.ParallelRows));
        var planned = Agreement(plan);
        var figures = $"all rows {all:P0}, groups of 16 {groups:P0}, groups on 64 columns {shortRows:P0}, groups on 64 of 128 columns {capped:P0}, the compiler's plan {planned:P0}";
        Assert.True(all < 0.8, figures);
        Assert.True(groups > all + 0.1, figures);
        Assert.True(groups > 0.85 && shortRows > 0.85, figures);
        Assert.True(Math.Abs(capped - shortRows) <= 0.05, figures);
        Assert.Equal(capped, planned);
    }

    [Fact]
    public void Should_Count_Only_The_Images_Run_After_Calibration()
    {
        // Calibrating layer k runs the calibration set through every layer; none of those runs is the chip's activity.
        var (model, samples) = Load("fmnist-cnn.onnx", 3);
        var calibration = CalibrationSet(model, 8);
        var spec = HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), ["non_idealities.ir_drop.wire_resistance_ohm=1", "repair.mode=map+spares+calibrate", "subarray.spare_columns=2"]);
        var chip = new FunctionalSimulator(model.Graph, spec, 0, new ChipSetup(null, calibration));
        foreach (var sample in samples)
        {
            chip.Run(sample);
        }

        Assert.NotEmpty(chip.Layers);
        Assert.All(chip.Layers.Values, l => Assert.Equal(samples.Length, l.Counters.Images));
    }

    [Fact]
    public void Should_Fit_A_Columns_Transfer_By_Least_Squares()
    {
        // Slot 0: (m, c) = (0, 1), (2, 2), (4, 3) lie on c = 0.5·m + 1. Slot 1 never varies: gain 1, offset mean(c − m) = 0.75.
        var fit = new ColumnCalibration(2);
        fit.Add(0, [0.0, 3.0], [1.0, 3.5]);
        fit.Add(0, [2.0, 3.0], [2.0, 4.0]);
        fit.Add(0, [4.0, 3.0], [3.0, 3.75]);
        var (gain, offset) = fit.Fit();
        Assert.Equal(0.5, gain[0], 12);
        Assert.Equal(1.0, offset[0], 12);
        Assert.Equal(1.0, gain[1]);
        Assert.Equal(0.75, offset[1], 12);
    }

    /// <summary>The first <paramref name="count"/> Fashion-MNIST training images (held apart from the test images).</summary>
    private static float[][] CalibrationSet(ImportedModel model, int count)
    {
        var training = DatasetCatalog.Load("fashion-mnist-train");
        var feeder = new SampleFeeder(model.Graph, training.Select([.. Enumerable.Range(0, count)], "calibration"), model.Path);
        return [.. Enumerable.Range(0, feeder.Count).Select(feeder.Sample)];
    }

    private static (ImportedModel Model, float[][] Samples) Load(string file, int count)
    {
        var path = RepoPaths.Repo(Path.Combine("onnx-models", file));
        var model = OnnxFrontend.Load(path);
        var all = DatasetCatalog.Load("fashion-mnist");
        var stride = all.Count / count;
        var data = all.Select(Enumerable.Range(0, count).Select(i => i * stride).ToList(), "every-nth");
        var feeder = new SampleFeeder(model.Graph, data, path);
        return (model, Enumerable.Range(0, feeder.Count).Select(feeder.Sample).ToArray());
    }

    private sealed record Comparison(long Naive, long Left, bool Flips, int Mismatches, long Moved);

    /// <summary>Runs every crossbar layer on the ideal model and on the analog one with the given defects; counts differing outputs.</summary>
    private static Comparison CompareLayers(IrGraph graph, HardwareSpec spec, IDefectSource defects, float[][] samples, SpareSubarrayPool? spares = null)
    {
        var encodings = EncodingAnalysis.Compute(graph);
        var images = new HashSet<IrValue>(graph.Inputs);
        var analogLayers = new List<AnalogCrossbarLayer>();
        var mismatches = 0;
        var interpreter = new IrInterpreter(graph, node =>
        {
            if (encodings.GetValueOrDefault(node.Inputs[0]) is not { } e || e.Scale != MathF.Round(e.Scale) || e.Offset != MathF.Round(e.Offset))
            {
                return null;
            }

            var isImage = images.Contains(node.Inputs[0]);
            var analog = new AnalogCrossbarLayer(node, e, isImage, spec, trial: 0, defects: defects, spares: spares);
            analogLayers.Add(analog);
            return new TwinLayer(new CrossbarLayer(node, e, isImage, spec), analog, (_, _, _) => mismatches++);
        });
        foreach (var sample in samples)
        {
            interpreter.Run(sample);
        }

        var naive = analogLayers.Sum(l => l.Cells.Repair.NaiveErrors);
        var left = analogLayers.Sum(l => l.Cells.Repair.RepairedErrors);
        return new Comparison(naive, left, analogLayers.Any(l => l.Cells.HasFlips), mismatches, analogLayers.Sum(l => l.Cells.Repair.MovedBlocks));
    }

    /// <summary>Six stuck cells per subarray, alternating on and off, no two in a row or column.</summary>
    private sealed class ScatteredDefects(int rows, int columns, int count = 6) : IDefectSource
    {
        public SubarrayDefects? For(string layer, int rowBlock, int columnBlock)
        {
            var cells = new StuckState[rows * columns];
            for (var i = 0; i < count; i++)
            {
                cells[((((i * 37) + rowBlock) % 128) * columns) + (((i * 29) + columnBlock) % 128)] = i % 2 == 0 ? StuckState.On : StuckState.Off;
            }

            return new SubarrayDefects(rows, columns, cells);
        }
    }
}
