using BnnCompiler.Testing;

namespace BnnCompiler.Cli.Tests.Fuzz;

/// <summary>A valid model the fuzzer starts from, and the dataset it can be evaluated on (null: none fits).</summary>
public sealed record FuzzSeed(string Name, byte[] Bytes, string? Data);

/// <summary>
/// The fuzzer's starting models: small models of every exporter dialect built in code (most cases: they are
/// quick to read), the third-party TFC models, and the shipped trained models (one case in ten).
/// </summary>
public static class FuzzSeeds
{
    public static IReadOnlyList<FuzzSeed> Small { get; } = Build();

    public static IReadOnlyList<FuzzSeed> Shipped { get; } =
        Directory.GetFiles(RepoPaths.Repo("onnx-models"), "*.onnx").Order(StringComparer.Ordinal)
            .Select(p => new FuzzSeed(Path.GetFileName(p), File.ReadAllBytes(p), Path.GetFileName(p).StartsWith("fmnist", StringComparison.Ordinal) ? "fashion-mnist" : "mnist"))
            .ToList();

    public static FuzzSeed Pick(Random rng) =>
        rng.Next(10) == 0 ? Shipped[rng.Next(Shipped.Count)] : Small[rng.Next(Small.Count)];

    private static List<FuzzSeed> Build()
    {
        var seeds = new List<FuzzSeed>();
        foreach (var dialect in Enum.GetValues<Dialect>())
        {
            foreach (var conv in new[] { false, true })
            {
                seeds.Add(new FuzzSeed($"{dialect}-{(conv ? "conv" : "dense")}", DialectModels.Build(dialect, conv, alpha: true, seed: 3), null));
            }
        }

        foreach (var name in new[] { "TFC_1W1A", "TFC_1W2A" })
        {
            var bytes = File.ReadAllBytes(RepoPaths.ExternalModel($"tfc-w1a1/{name}.qonnx.onnx"));
            seeds.Add(new FuzzSeed(name, bytes, "mnist"));
            seeds.Add(new FuzzSeed(name + "-topk", DecisionHeads.AppendTopK(bytes), "mnist"));
        }

        return seeds;
    }
}
