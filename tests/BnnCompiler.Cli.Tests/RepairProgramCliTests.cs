using System.Text.Json;
using BnnCompiler.Data;
using BnnCompiler.Evaluation;
using BnnCompiler.Hardware;
using BnnCompiler.Isa;
using BnnCompiler.Isa.Compilation;
using BnnCompiler.Isa.Repair;
using BnnCompiler.Isa.Text;
using BnnCompiler.Mapping;
using BnnCompiler.Mapping.Defects;
using BnnCompiler.Onnx;
using BnnCompiler.Simulator;
using BnnCompiler.Testing;

namespace BnnCompiler.Cli.Tests;

/// <summary>
/// <c>bnnc compile --repair</c>: the program carries the plan the evaluate path applies (its cells checked against the
/// defect map give the report's weight errors; a healthy chip loaded with it computes the ideal outputs bit for bit),
/// a program without repair is unchanged, and bad input is a diagnostic without a half-written file.
/// </summary>
public sealed class RepairProgramCliTests : IDisposable
{
    private static readonly string Tfc = RepoPaths.ExternalModel("tfc-w1a1/TFC_1W1A.qonnx.onnx");
    private static readonly string Spec = RepoPaths.Repo("hwspecs/rram-nonideal.yaml");
    private static readonly string Ideal = RepoPaths.Repo("hwspecs/default.yaml");
    private static readonly string[] StuckOnly = ["--set", "non_idealities.ir_drop.wire_resistance_ohm=0", "--set", "non_idealities.read_noise_sigma=0"];
    private readonly string _dir = Directory.CreateTempSubdirectory("bnnc-repair-program-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Should_Carry_The_Placement_Evaluate_Applies()
    {
        // Given a chip's defect map, compiled and evaluated with the same map and seed
        var map = Generate(Spec, [.. StuckOnly, "--seed", "5"]);
        string[] chip = [Tfc, "--hw", Spec, .. StuckOnly, "--seed", "5", "--defects", map, "--repair", "map"];
        var program = Compile([.. chip]);
        var report = Evaluate([.. chip]);

        // Then the program's cells, checked against the defect map cell by cell, leave the errors the evaluation reports
        var repair = program.Repair!;
        Assert.Equal((MappedProgram.RepairFormatVersion, RepairMode.Map, "chip.csv", 5), (program.FormatVersion, repair.Mode, repair.Defects, repair.Seed));
        var defects = DefectMapCsv.Read(map);
        Assert.Equal(report.GetProperty("weight_errors_repaired").GetInt64(), repair.FirstCopy.Sum(b => Conflicts(b, defects)));
        Assert.Equal(report.GetProperty("weight_errors_naive").GetInt64(), repair.FirstCopy.Sum(b => b.NaiveErrors));
        Assert.Equal(report.GetProperty("stuck_cells").GetInt64(), repair.FirstCopy.Sum(b => b.StuckCells));
        Assert.True(repair.Errors < repair.FirstCopy.Sum(b => b.NaiveErrors));
        Assert.Equal(repair.Errors, repair.FirstCopy.Sum(b => Conflicts(b, defects)));
        Assert.Contains(repair.Blocks, b => b.Negated.Count > 0);
    }

    [Fact]
    public void Should_Place_Every_Copy_Around_Its_Own_Stuck_Cells()
    {
        // Given the default CNN (its first convolution in 8 copies) on a chip with 5 % stuck cells in every copy's subarrays
        var cnn = RepoPaths.Repo("onnx-models/fmnist-cnn.onnx");
        var map = Path.Combine(_dir, "cnn.csv");
        Assert.Equal(0, CliRun.Of("defects", "generate", cnn, "--hw", Ideal, "--set", "non_idealities.stuck_at_on_rate=0.05", "-o", map).ExitCode);
        var program = Compile([cnn, "--hw", Ideal, "--defects", map, "--repair", "map"]);
        var mapping = CrossbarMapper.Map(OnnxFrontend.Load(cnn).Graph, HardwareSpecLoader.Load(Ideal, []));
        var conv1 = mapping.Layers[0];
        Assert.True(conv1.Copies > 1);

        // Then every block of every copy has a placement on its own subarray whose cells, checked against the map, leave
        // the errors it states, fewer than the naive mapping's, and still hold the layer's weights
        var defects = DefectMapCsv.Read(map);
        var others = program.Repair!.Blocks.Where(b => b.Copy > 0).ToList();
        Assert.Equal(mapping.Layers.Sum(l => l.Blocks.Count), program.Repair.Blocks.Count);
        foreach (var b in others)
        {
            var block = mapping.Layer(b.Layer).Block(b.Copy, b.RowBlock, b.ColumnBlock);
            Assert.Equal((block.Address.Tile, block.Address.Pe, block.Address.Subarray), (b.Tile, b.Pe, b.Subarray));
            Assert.Equal(defects.For(block.Address, b.Rows, b.Columns).Count, b.StuckCells);
            Assert.Equal(b.Errors, Conflicts(b, defects));
            Assert.Empty(b.Trims);
            Assert.Equal(Weights(mapping.Layer(b.Layer), block), Decoded(mapping.Layer(b.Layer), block, b));
        }

        Assert.True(others.Sum(b => b.Errors) < others.Sum(b => b.NaiveErrors));
        Assert.Contains(others, b => b.Negated.Count > 0);
    }

    [Fact]
    public void Should_Name_The_Spare_Subarray_A_Block_Moved_Onto()
    {
        // Given a map that ruins the subarray of the last layer's first block, and one spare subarray a PE
        var spec = HardwareSpecLoader.Load(Ideal, ["pe.spare_subarrays=1"]);
        var mapping = CrossbarMapper.Map(OnnxFrontend.Load(Tfc).Graph, spec);
        var a = mapping.Layers[^1].Block(0, 0, 0).Address;
        var (rows, columns) = (spec.Subarray.PhysicalRows, spec.Subarray.PhysicalColumns);
        var map = Path.Combine(_dir, "ruined.csv");
        File.WriteAllLines(map, ["tile,pe,subarray,row,column,state", .. Enumerable.Range(0, rows * columns).Select(i => $"{a.Tile},{a.Pe},{a.Subarray},{i / columns},{i % columns},stuck_on")]);
        string[] chip = [Tfc, "--hw", Ideal, "--set", "pe.spare_subarrays=1", "--defects", map, "--repair", "map+spares"];

        var program = Compile(chip);
        var report = Evaluate(chip);

        // Then the block's placement names the spare (subarray = subarrays per PE + 0) and its own subarray, with no error left there
        var moved = Assert.Single(program.Repair!.Blocks, b => b.MovedFrom is not null);
        Assert.Equal((mapping.Layers[^1].Name, 0, 0), (moved.Layer, moved.RowBlock, moved.ColumnBlock));
        Assert.Equal((a.Tile, a.Pe, mapping.Floorplan.SubarraysPerPe.Count, a.Subarray), (moved.Tile, moved.Pe, moved.Subarray, moved.MovedFrom));
        Assert.Equal(0, Conflicts(moved, DefectMapCsv.Read(map)));
        Assert.Equal(report.GetProperty("blocks_on_spare_subarrays").GetInt64(), program.Repair.Blocks.Count(b => b.MovedFrom is not null));
        Assert.Equal(report.GetProperty("weight_errors_repaired").GetInt64(), program.Repair.Errors);
    }

    [Fact]
    public void Should_Compute_The_Ideal_Outputs_On_A_Healthy_Chip_Loaded_With_A_Repaired_Program()
    {
        // Given a program repaired around 10 % stuck cells (rows permuted, columns moved and negated)
        var map = Generate(Ideal, ["--set", "non_idealities.stuck_at_on_rate=0.1"]);
        var program = Compile([Tfc, "--hw", Ideal, "--defects", map, "--repair", "map"]);
        Assert.Contains(program.Repair!.Blocks, b => b.Negated.Count > 0 && b.RowOf.Where((p, r) => p != r).Any());

        // When a healthy chip runs it (ideal devices, exact ADC: placement and flips are exact)
        var model = OnnxFrontend.Load(Tfc);
        var mapping = CrossbarMapper.Map(model.Graph, HardwareSpecLoader.Load(Ideal, []));
        var repaired = new FunctionalSimulator(model.Graph, mapping, program);
        var naive = new FunctionalSimulator(model.Graph, mapping, ProgramCompiler.Compile(mapping));
        var unflipped = new FunctionalSimulator(model.Graph, mapping, program with { Repair = program.Repair with { Blocks = program.Repair.Blocks.Select(b => b with { Negated = ValueList<int>.Empty }).ToValueList() } });
        var feeder = new SampleFeeder(model.Graph, DatasetCatalog.Load("mnist-heldout", new DataLoadOptions(ModelInput: SampleFeeder.ModelInput(model.Graph))).Take(30), Tfc);

        // Then every output equals the naive program's bit for bit; read without the negations the cells give other outputs
        var differs = 0;
        for (var i = 0; i < feeder.Count; i++)
        {
            var sample = feeder.Sample(i);
            Assert.Equal(naive.Run(sample), repaired.Run(sample));
            differs += naive.Run(sample).SequenceEqual(unflipped.Run(sample)) ? 0 : 1;
        }

        Assert.True(differs > 0);
    }

    [Fact]
    public void Should_Carry_The_Trim_Words_Of_Every_Row_Group_When_Calibrating()
    {
        string[] chip = [Tfc, "--hw", Spec, "--set", "non_idealities.ir_drop.wire_resistance_ohm=1", "--set", "subarray.spare_columns=8",
            "--set", "repair.calibration_images=40", "--repair", "map+spares+calibrate", "--calibration", "mnist-train", "--seed", "3"];
        var first = Path.Combine(_dir, "a.bnnp");
        var run = CliRun.Of(["compile", .. chip, "-o", first]);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("row groups calibrated", run.Output);
        var program = ProgramReader.Load(first);
        var spec = HardwareSpecLoader.Load(Spec, ["non_idealities.ir_drop.wire_resistance_ohm=1", "subarray.spare_columns=8"]);
        var mapping = CrossbarMapper.Map(OnnxFrontend.Load(Tfc).Graph, spec);
        foreach (var block in mapping.Layers.SelectMany(l => l.Blocks.Where(b => b.Copy == 0).Select(b => (l.Name, b))))
        {
            var placement = program.Repair!.Find(block.Name, block.b.RowBlock, block.b.ColumnBlock)!;
            Assert.Equal((block.b.RowCount + spec.WeightRowsPerRead - 1) / spec.WeightRowsPerRead, placement.Trims.Count);
            Assert.All(placement.Trims, t => Assert.Equal(block.b.ColumnCount, t.GainWords.Count));
        }

        Assert.Contains(program.Repair!.Blocks.SelectMany(b => b.Trims).SelectMany(t => t.GainWords), g => g != 128);

        // Compiled again, the same chip gives the same program byte for byte, and disasm prints it as saved
        var second = Path.Combine(_dir, "b.bnnp");
        Assert.Equal(0, CliRun.Of(["compile", .. chip, "-o", second]).ExitCode);
        Assert.Equal(File.ReadAllText(first), File.ReadAllText(second));
        Assert.Equal(File.ReadAllText(first), CliRun.Of("disasm", first).Output);
    }

    [Fact]
    public void Should_Reproduce_The_Calibrated_Chip_From_The_Program_Trim_Words()
    {
        // Given a calibrated program of TFC at 1 Ω (trial 0 of seed 3, 40 calibration images of mnist-train)
        string[] sets = ["non_idealities.ir_drop.wire_resistance_ohm=1", "subarray.spare_columns=8", "repair.calibration_images=40", "non_idealities.seed=3", "repair.mode=map+spares+calibrate"];
        var program = Compile([Tfc, "--hw", Spec, .. sets.SelectMany(x => new[] { "--set", x }), "--calibration", "mnist-train"]);
        var model = OnnxFrontend.Load(Tfc);
        var mapping = CrossbarMapper.Map(model.Graph, HardwareSpecLoader.Load(Spec, sets));
        var compiled = ProgramCompiler.Compile(mapping);
        var chip = new FunctionalSimulator(model.Graph, mapping, compiled, 0, new ChipSetup(null, Samples(model, "mnist-train", 40)));

        // When the same chip, calibrated on 3 other images, is loaded with the program's trim words
        var reloaded = new FunctionalSimulator(model.Graph, mapping, compiled, 0, new ChipSetup(null, Samples(model, "mnist-heldout", 3)));
        var test = Samples(model, "mnist-heldout", 60);
        var before = test.Count(x => !chip.Run(x).SequenceEqual(reloaded.Run(x)));
        Assert.True(RepairTrimLoader.Load(reloaded, mapping, program.Repair!) > 0);

        // Then it computes what the chip the program was calibrated on computes, output for output
        Assert.True(before > 0);
        Assert.All(test, x => Assert.Equal(chip.Run(x), reloaded.Run(x)));
    }

    [Fact]
    public void Should_Write_A_Program_Without_Repair_As_Before()
    {
        var plain = Path.Combine(_dir, "plain.bnnp");
        var none = Path.Combine(_dir, "none.bnnp");
        Assert.Equal(0, CliRun.Of("compile", Tfc, "--hw", Spec, "-o", plain).ExitCode);
        Assert.Equal(0, CliRun.Of("compile", Tfc, "--hw", Spec, "--repair", "none", "--seed", "9", "-o", none).ExitCode);
        var text = File.ReadAllText(plain);
        Assert.Equal(text, File.ReadAllText(none));
        Assert.StartsWith("bnnc-program 2\n", text);
        Assert.DoesNotContain("\nrepair ", text);
        Assert.Equal(ProgramWriter.Write(ProgramCompiler.Compile(CrossbarMapper.Map(OnnxFrontend.Load(Tfc).Graph, HardwareSpecLoader.Load(Spec, [])))), text);
    }

    [Fact]
    public void Should_Refuse_Bad_Repair_Input_Without_Writing_A_Program()
    {
        var output = Path.Combine(_dir, "p.bnnp");
        var bad = Path.Combine(_dir, "bad.csv");
        File.WriteAllText(bad, "tile,pe,subarray,row,column,state\n0,0,0,1,2,broken\n");
        CliRun.Of("compile", Tfc, "--hw", Spec, "--defects", bad, "--repair", "map", "-o", output).ShouldFailWith("BNN4010", bad + "(2,1)", "stuck_on, stuck_off");
        CliRun.Of("compile", Tfc, "--hw", Spec, "--repair", "map+spares", "-o", output).ShouldFailWith("BNN4012", "subarray.spare_columns");
        CliRun.Of("compile", Tfc, "--hw", Spec, "--set", "subarray.spare_columns=8", "--repair", "map+spares+calibrate", "-o", output).ShouldFailWith("BNN1001", "--calibration DATA");
        CliRun.Of("compile", Tfc, "--hw", Spec, "--repair", "magic", "-o", output).ShouldFailWith("BNN1001", "--repair");
        CliRun.Of("compile", Tfc, "--hw", Spec, "--defects", Path.Combine(_dir, "none.csv"), "--repair", "map", "-o", output).ShouldFailWith("BNN4010", "does not exist");
        CliRun.Of("compile", Tfc, "--hw", Spec, "--set", "subarray.spare_columns=8", "--repair", "map+spares+calibrate", "--calibration", Path.Combine(_dir, "none.npy"), "-o", output)
            .ShouldFailWith("BNN5002", "none.npy");
        Assert.False(File.Exists(output));

        // A damaged repair plan in a program file
        Assert.Equal(0, CliRun.Of("compile", Tfc, "--hw", Spec, "--repair", "map", "-o", output).ExitCode);
        var lines = File.ReadAllLines(output);
        var cells = Array.FindIndex(lines, l => l.StartsWith("cells ", StringComparison.Ordinal));
        lines[cells] = lines[cells][..^1] + "x";
        File.WriteAllLines(output, lines);
        CliRun.Of("disasm", output).ShouldFailWith("BNN6004", $"{output}({cells + 1},", "cell state 'x'");
    }

    private static float[][] Samples(Onnx.ImportedModel model, string data, int count)
    {
        var feeder = new SampleFeeder(model.Graph, DatasetCatalog.Load(data, new DataLoadOptions(ModelInput: SampleFeeder.ModelInput(model.Graph))).Take(count), Tfc);
        return [.. Enumerable.Range(0, feeder.Count).Select(feeder.Sample)];
    }

    private string Generate(string spec, string[] extra)
    {
        var map = Path.Combine(_dir, "chip.csv");
        var run = CliRun.Of(["defects", "generate", Tfc, "--hw", spec, .. extra, "-o", map]);
        Assert.True(run.ExitCode == 0, run.Error);
        return map;
    }

    private MappedProgram Compile(string[] args)
    {
        var path = Path.Combine(_dir, $"{Guid.NewGuid():N}.bnnp");
        var run = CliRun.Of(["compile", .. args, "-o", path]);
        Assert.True(run.ExitCode == 0, run.Error);
        return ProgramReader.Load(path);
    }

    private JsonElement Evaluate(string[] args)
    {
        var path = Path.Combine(_dir, $"{Guid.NewGuid():N}.json");
        var run = CliRun.Of(["evaluate", .. args, "--data", "mnist-heldout", "--limit", "20", "-o", path]);
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("repair").Clone();
    }

    /// <summary>The block's ±1 weights, [local row · columns + local column].</summary>
    private static sbyte[] Weights(LayerMapping layer, SubarrayBlock block) =>
        [.. Enumerable.Range(0, block.RowCount * block.ColumnCount).Select(i =>
            layer.Node.Signs[((long)(block.ColumnStart + (i % block.ColumnCount)) * layer.Rows) + block.RowStart + (i / block.ColumnCount)])];

    /// <summary>The weights a placement's cells hold: geometry cell (r, c) at physical row row_of[r] and its column's slot, a negated column negated back.</summary>
    private static sbyte[] Decoded(LayerMapping layer, SubarrayBlock block, BlockPlacement placement)
    {
        var plan = placement.Plan(layer.Geometry);
        return [.. Enumerable.Range(0, block.RowCount * block.ColumnCount).Select(i =>
        {
            var p = plan.Physical(layer.Geometry.PositiveCell(i / block.ColumnCount, i % block.ColumnCount));
            var on = placement.At(p.Row, p.Column) == Mapping.Cells.CellState.On;
            return on != placement.Negated.Contains(i % block.ColumnCount) ? (sbyte)1 : (sbyte)-1;
        })];
    }

    /// <summary>Programmed cells of a placement stuck at the other state, by the defect map's cells of the subarray it names.</summary>
    private static long Conflicts(BlockPlacement block, DefectMap map)
    {
        var stuck = map.For(block.Tile, block.Pe, block.Subarray, block.Rows, block.Columns);
        long errors = 0;
        for (var r = 0; r < block.Rows; r++)
        {
            for (var c = 0; c < block.Columns; c++)
            {
                var wrong = (block.At(r, c), stuck.At(r, c)) switch
                {
                    (Mapping.Cells.CellState.On, StuckState.Off) or (Mapping.Cells.CellState.Off, StuckState.On) => true,
                    (Mapping.Cells.CellState.Reference, not StuckState.None) => true,
                    _ => false,
                };
                errors += wrong ? 1 : 0;
            }
        }

        return errors;
    }
}
