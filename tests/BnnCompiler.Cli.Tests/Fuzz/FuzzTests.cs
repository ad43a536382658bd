using BnnCompiler.Testing;
using Xunit.Abstractions;

namespace BnnCompiler.Cli.Tests.Fuzz;

/// <summary>
/// The fuzz suite: seeded mutations of valid ONNX models (1,200 cases, every <see cref="OnnxMutation"/> class
/// alike) through <c>bnnc inspect</c>, then <c>map</c> and (for the first accepted ones with a fitting dataset)
/// <c>evaluate --limit 2</c>; and of valid hardware specs (600 cases, every <see cref="SpecMutation"/> class)
/// through <c>bnnc map</c>. Every run must end in exit 0 or a diagnostic with exit 2, in bounded time and memory.
/// For a longer search, BNNC_FUZZ_SCALE multiplies the case counts and BNNC_FUZZ_SEED changes the seeds; a
/// failure names the case's mutation, starting model and seed, which reproduce it.
/// </summary>
public sealed class FuzzTests : IDisposable
{
    public const int OnnxCases = 1200;

    public const int SpecCases = 600;

    private static readonly int Scale = int.TryParse(Environment.GetEnvironmentVariable("BNNC_FUZZ_SCALE"), out var s) && s > 0 ? s : 1;

    private static readonly int SeedOffset = int.TryParse(Environment.GetEnvironmentVariable("BNNC_FUZZ_SEED"), out var o) ? o : 0;

    /// <summary>Accepted mutants also run through evaluate (ONNX Runtime and the simulator), up to this many.</summary>
    public const int EvaluateBudget = 24;

    private readonly string _dir = Directory.CreateTempSubdirectory("bnnc-fuzz-").FullName;
    private readonly ITestOutputHelper _log;

    public FuzzTests(ITestOutputHelper log) => _log = log;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Should_Answer_Every_Mutated_Model_With_A_Result_Or_A_Diagnostic()
    {
        var harness = new FuzzHarness();
        var rng = new Random(20_251_203 + SeedOffset);
        var tiny = RepoPaths.Repo("hwspecs/tiny.yaml");
        var evaluated = 0;
        var accepted = 0;
        for (var i = 0; i < OnnxCases * Scale; i++)
        {
            var mutation = (OnnxMutation)(i % Enum.GetValues<OnnxMutation>().Length);
            var seed = FuzzSeeds.Pick(rng);
            var caseSeed = rng.Next();
            var path = Path.Combine(_dir, "case.onnx");
            File.WriteAllBytes(path, OnnxMutator.Mutate(seed.Bytes, mutation, new Random(caseSeed)));
            var label = $"case {i} ({mutation} of {seed.Name}, seed {caseSeed})";
            if (harness.Run(label, "inspect", path) != 0)
            {
                continue;
            }

            accepted++;
            if (harness.Run(label, "map", path, "--hw", tiny) == 0 && seed.Data is not null && evaluated < EvaluateBudget)
            {
                evaluated++;
                harness.Run(label, "evaluate", path, "--data", seed.Data, "--limit", "2", "--hw", tiny);
            }
        }

        _log.WriteLine($"ONNX: {OnnxCases * Scale} cases, {accepted} accepted by inspect, {evaluated} evaluated; {harness.Summary()}");
        Assert.True(harness.Failures.Count == 0, harness.Summary());
        Assert.InRange(evaluated, 1, EvaluateBudget);
    }

    [Fact]
    public void Should_Answer_Every_Mutated_Spec_With_A_Result_Or_A_Diagnostic()
    {
        var harness = new FuzzHarness();
        var rng = new Random(20_251_204 + SeedOffset);
        var specs = Directory.GetFiles(RepoPaths.Repo("hwspecs"), "*.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        var model = Path.Combine(_dir, "model.onnx");
        File.WriteAllBytes(model, DialectModels.Build(Dialect.Finn, conv: true, alpha: false, seed: 1));
        for (var i = 0; i < SpecCases * Scale; i++)
        {
            var mutation = (SpecMutation)(i % Enum.GetValues<SpecMutation>().Length);
            var seed = rng.Next(specs.Count);
            var caseSeed = rng.Next();
            var path = Path.Combine(_dir, "case.yaml");
            File.WriteAllText(path, SpecMutator.Mutate(specs[seed], mutation, new Random(caseSeed)));
            harness.Run($"case {i} ({mutation} of spec {seed}, seed {caseSeed})", "map", model, "--hw", path);
        }

        _log.WriteLine($"YAML: {SpecCases * Scale} cases; {harness.Summary()}");
        Assert.True(harness.Failures.Count == 0, harness.Summary());
        Assert.True(harness.ExitCodes.GetValueOrDefault(2) > SpecCases * Scale / 2, harness.Summary());
    }
}
