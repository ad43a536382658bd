using System.Text.Json;
using BnnCompiler.Testing;

namespace BnnCompiler.Cli.Tests;

/// <summary>
/// <c>bnnc defects generate</c>, and <c>--defects</c> / <c>--repair</c> / <c>--calibration</c> on <c>bnnc evaluate</c>:
/// a generated map read back simulates the chip it was drawn from, the report's repair section, and a diagnostic for
/// every bad input.
/// </summary>
public sealed class RepairCliTests : IDisposable
{
    private static readonly string Tfc = RepoPaths.ExternalModel("tfc-w1a1/TFC_1W1A.qonnx.onnx");
    private static readonly string Spec = RepoPaths.Repo("hwspecs/rram-nonideal.yaml");
    private static readonly string[] StuckOnly = ["--set", "non_idealities.ir_drop.wire_resistance_ohm=0", "--set", "non_idealities.read_noise_sigma=0"];
    private readonly string _dir = Directory.CreateTempSubdirectory("bnnc-repair-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Should_Evaluate_A_Generated_Defect_Map_As_The_Chip_It_Was_Drawn_From()
    {
        var map = Path.Combine(_dir, "chip.csv");
        var generate = CliRun.Of(["defects", "generate", Tfc, "--hw", Spec, .. StuckOnly, "--seed", "5", "--trial", "1", "-o", map]);
        Assert.True(generate.ExitCode == 0, generate.Error);
        Assert.StartsWith("# defect map of", File.ReadLines(map).First());
        Assert.Contains("stuck cells of", generate.Output);

        string[] common = ["evaluate", Tfc, "--hw", Spec, .. StuckOnly, "--data", "mnist-heldout", "--limit", "60", "--repair", "map"];
        var drawn = Report(CliRun.Of([.. common, "--seed", "6", "-o", Path.Combine(_dir, "drawn.json")]), "drawn.json");
        var fromFile = Report(CliRun.Of([.. common, "--seed", "6", "--defects", map, "-o", Path.Combine(_dir, "file.json")]), "file.json");

        // Trial 1 of seed 5 is trial 0 of seed 6: the file's stuck cells are those seed 6 draws, the variation comes from seed 6.
        var repair = fromFile.GetProperty("repair");
        Assert.Equal("map", repair.GetProperty("mode").GetString());
        Assert.True(repair.GetProperty("stuck_cells").GetInt64() > 0);
        Assert.True(repair.GetProperty("weight_errors_repaired").GetInt64() < repair.GetProperty("weight_errors_naive").GetInt64());
        Assert.Equal(drawn.GetProperty("repair").GetRawText(), repair.GetRawText());
        Assert.Equal(drawn.GetProperty("accuracy").GetRawText(), fromFile.GetProperty("accuracy").GetRawText());
    }

    [Fact]
    public void Should_Simulate_A_Defect_Map_On_An_Otherwise_Ideal_Spec()
    {
        var map = Path.Combine(_dir, "chip.csv");
        var ideal = RepoPaths.Repo("hwspecs/default.yaml");
        Assert.Equal(0, CliRun.Of("defects", "generate", Tfc, "--hw", ideal, "--set", "non_idealities.stuck_at_on_rate=0.1", "-o", map).ExitCode);
        string[] common = ["evaluate", Tfc, "--hw", ideal, "--data", "mnist-heldout", "--limit", "60", "--defects", map];
        var naive = Report(CliRun.Of([.. common, "-o", Path.Combine(_dir, "naive.json")]), "naive.json");
        var repaired = Report(CliRun.Of([.. common, "--repair", "map", "-o", Path.Combine(_dir, "map.json")]), "map.json");
        Assert.True(naive.GetProperty("repair").GetProperty("stuck_cells").GetInt64() > 0);
        Assert.True(naive.GetProperty("accuracy").GetProperty("agreement").GetDouble() < 1.0);
        Assert.True(repaired.GetProperty("repair").GetProperty("weight_errors_repaired").GetInt64() < naive.GetProperty("repair").GetProperty("weight_errors_naive").GetInt64());
    }

    [Fact]
    public void Should_Report_The_Blocks_Moved_Onto_Spare_Subarrays()
    {
        // A hand-written map ruins the subarray of the last layer's first block (every cell stuck on); its PE's spare
        // subarray (numbered after the PE's subarrays) is healthy. Repair with the spares moves the block there.
        var ideal = RepoPaths.Repo("hwspecs/default.yaml");
        var spec = Hardware.HardwareSpecLoader.Load(ideal, ["pe.spare_subarrays=1"]);
        var mapping = Mapping.CrossbarMapper.Map(Onnx.OnnxFrontend.Load(Tfc).Graph, spec);
        var a = mapping.Layers[^1].Block(0, 0, 0).Address;
        var (rows, columns) = (spec.Subarray.PhysicalRows, spec.Subarray.PhysicalColumns);
        var map = Path.Combine(_dir, "ruined.csv");
        File.WriteAllLines(map, ["tile,pe,subarray,row,column,state", .. Enumerable.Range(0, rows * columns).Select(i => $"{a.Tile},{a.Pe},{a.Subarray},{i / columns},{i % columns},stuck_on")]);
        string[] common = ["evaluate", Tfc, "--hw", ideal, "--set", "pe.spare_subarrays=1", "--data", "mnist-heldout", "--limit", "20", "--defects", map];

        var run = CliRun.Of([.. common, "--repair", "map+spares", "-o", Path.Combine(_dir, "spares.json")]);
        var spares = Report(run, "spares.json").GetProperty("repair");
        Assert.Equal(1, spares.GetProperty("spare_subarrays").GetInt32());
        Assert.Equal(1, spares.GetProperty("blocks_on_spare_subarrays").GetInt64());
        Assert.Equal(0, spares.GetProperty("weight_errors_repaired").GetInt64());
        Assert.True(spares.GetProperty("weight_errors_naive").GetInt64() > 0);
        Assert.Contains("1 blocks moved onto spare subarrays (1 a PE)", run.Output);

        var mapped = Report(CliRun.Of([.. common, "--repair", "map", "-o", Path.Combine(_dir, "map.json")]), "map.json").GetProperty("repair");
        Assert.Equal(0, mapped.GetProperty("blocks_on_spare_subarrays").GetInt64());
        Assert.True(mapped.GetProperty("weight_errors_repaired").GetInt64() > 0);
    }

    [Theory]
    [InlineData("tile,pe,subarray,row,column,state\n0,0,0,1,2,broken\n", "BNN4010", "(2,1)", "stuck_on, stuck_off")]
    [InlineData("tile,pe,subarray,row,column,state\n0,0,0,400,2,stuck_on\n", "BNN4011", "(2,1)", "row 400")]
    public void Should_Refuse_A_Bad_Defect_Map_Naming_File_And_Line(string text, string code, string line, string says)
    {
        var map = Path.Combine(_dir, "bad.csv");
        File.WriteAllText(map, text);
        var output = Path.Combine(_dir, "report.json");
        CliRun.Of("evaluate", Tfc, "--hw", Spec, "--data", "mnist", "--limit", "10", "--defects", map, "-o", output)
            .ShouldFailWith(code, map + line, says);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Should_Refuse_Spares_The_Spec_Does_Not_Have()
    {
        CliRun.Of("evaluate", Tfc, "--hw", Spec, "--data", "mnist", "--limit", "10", "--repair", "map+spares")
            .ShouldFailWith("BNN4012", "subarray.spare_columns");
    }

    [Fact]
    public void Should_Refuse_An_Unknown_Repair_Mode()
    {
        CliRun.Of("evaluate", Tfc, "--hw", Spec, "--data", "mnist", "--limit", "10", "--repair", "magic")
            .ShouldFailWith("BNN1001", "--repair");
    }

    [Fact]
    public void Should_Ask_For_A_Calibration_Set_Held_Apart_From_The_Test_Images()
    {
        CliRun.Of("evaluate", Tfc, "--hw", Spec, "--data", "mnist", "--limit", "10", "--set", "subarray.spare_columns=8", "--repair", "map+spares+calibrate")
            .ShouldFailWith("BNN1001", "--calibration DATA");
    }

    [Fact]
    public void Should_Refuse_Defects_Generate_Without_Output_Or_Action()
    {
        CliRun.Of("defects", "generate", Tfc).ShouldFailWith("BNN1001", "-o FILE");
        CliRun.Of("defects", "draw", Tfc, "-o", Path.Combine(_dir, "x.csv")).ShouldFailWith("BNN1001", "generate");
    }

    [Fact]
    public void Should_Sweep_Repair_Modes_With_Trials_And_A_Calibration_Set()
    {
        // 5 % stuck cells and 1 Ω of wire on the TFC MLP: each mode a point, two trials each; calibration on mnist-train.
        var sweep = Path.Combine(_dir, "sweep");
        var run = CliRun.Of("sweep", Tfc, "--hw", Spec, "--data", "mnist-heldout", "--limit", "80", "--trials", "2",
            "--set", "non_idealities.stuck_at_on_rate=0.05", "--set", "non_idealities.ir_drop.wire_resistance_ohm=1",
            "--set", "subarray.spare_columns=8", "--set", "repair.calibration_images=40",
            "--set", "repair.mode=none,map,map+spares+calibrate", "-o", sweep);

        Assert.True(run.ExitCode == 0, run.Error);
        using var results = ReportSchemaAssert.Valid(File.ReadAllText(Path.Combine(sweep, "results.json")), "sweep-results");
        var means = results.RootElement.GetProperty("rows").EnumerateArray()
            .Select(r => r.GetProperty("monte_carlo").GetProperty("mean_top1").GetDouble()).ToList();
        Assert.Equal(3, means.Count);
        Assert.True(means[1] > means[0], $"map {means[1]:P1} vs none {means[0]:P1}");
        Assert.True(means[2] > means[0], $"calibrated {means[2]:P1} vs none {means[0]:P1}");
    }

    [Fact]
    public void Should_Keep_Calibration_And_Defect_Maps_Out_Of_Cluster_Sweeps()
    {
        CliRun.Of("sweep", Tfc, "--hw", Spec, "--data", "mnist-heldout", "--limit", "10", "--set", "repair.mode=map,map+spares+calibrate",
            "--slurm", "--dry-run", "-o", Path.Combine(_dir, "cluster")).ShouldFailWith("BNN1001", "local sweeps only");
    }

    private JsonElement Report(CliRun run, string file)
    {
        Assert.True(run.ExitCode == 0, run.Error);
        var text = File.ReadAllText(Path.Combine(_dir, file));
        ReportSchemaAssert.Valid(text, "evaluate").Dispose();
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
