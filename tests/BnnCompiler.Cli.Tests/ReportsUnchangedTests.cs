using System.Text.Json.Nodes;
using BnnCompiler.Testing;

namespace BnnCompiler.Cli.Tests;

/// <summary>
/// Every figure of the cost, map, evaluate and sweep reports of the shipped models and BResNet18 equals the report
/// pinned before the counting and pipeline refactor (Data/ReportsBefore, recorded by the commands in its README.md).
/// </summary>
public sealed class ReportsUnchangedTests
{
    private static readonly string Pinned = RepoPaths.Repo("tests/BnnCompiler.Cli.Tests/Data/ReportsBefore");

    /// <summary>Strings that say where the counts came from: their wording may change, their figures may not.</summary>
    private static readonly HashSet<string> Descriptions = ["activity_source", "counts"];

    public static TheoryData<string, string> ShippedModels() => new()
    {
        { "onnx-models/fmnist-cnn.onnx", "fashion-mnist" },
        { "onnx-models/fmnist-cnn.qonnx.onnx", "fashion-mnist" },
        { "onnx-models/fmnist-mlp.onnx", "fashion-mnist" },
        { "onnx-models/fmnist-mlp.qonnx.onnx", "fashion-mnist" },
        { "onnx-models/fmnist-rescnn.onnx", "fashion-mnist" },
        { "onnx-models/fmnist-rescnn.qonnx.onnx", "fashion-mnist" },
        { "onnx-models/mnist-cnn.onnx", "mnist-heldout" },
        { "onnx-models/mnist-cnn.qonnx.onnx", "mnist-heldout" },
        { "onnx-models/external/tfc-w1a1/TFC_1W1A.qonnx.onnx", "mnist-heldout" },
        { "onnx-models/external/tfc-w1a1/TFC_1W2A.qonnx.onnx", "mnist-heldout" },
    };

    [Theory]
    [MemberData(nameof(ShippedModels))]
    public void CostMapAndEvaluateOfAShippedModelAreUnchanged(string model, string data)
    {
        var path = RepoPaths.Repo(model);
        var name = Path.GetFileNameWithoutExtension(path);
        AssertSame($"cost-{name}.json", Json("cost", path, "--json"));
        AssertSame($"map-{name}.json", Json("map", path, "--json"));
        AssertSame($"evaluate-{name}.json", Json("evaluate", path, "--data", data, "--limit", "200", "--json"));
    }

    [Fact]
    public void NonIdealEvaluationWithTrialsIsUnchanged() =>
        AssertSame("evaluate-fmnist-cnn-nonideal.json", Json("evaluate", RepoPaths.Repo("onnx-models/fmnist-cnn.onnx"),
            "--hw", RepoPaths.Repo("hwspecs/rram-nonideal.yaml"), "--data", "fashion-mnist", "--limit", "100", "--trials", "3", "--json"));

    [Fact]
    public void SweepOfTheDefaultModelIsUnchanged()
    {
        var dir = Path.Combine(Path.GetTempPath(), "bnnc-unchanged-" + Guid.NewGuid().ToString("N"));
        try
        {
            Run("sweep", RepoPaths.Repo("onnx-models/fmnist-cnn.onnx"), "--data", "fashion-mnist", "--limit", "100",
                "--input-bits", "1,4", "--adc-bits", "3,8", "-o", dir);
            AssertSame("sweep-fmnist-cnn.results.json", File.ReadAllText(Path.Combine(dir, "results.json")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void CostMapAndSweepOfBResNet18AreUnchanged()
    {
        var dir = Path.Combine(Path.GetTempPath(), "bnnc-unchanged-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var model = Path.Combine(dir, "bresnet18.onnx");
            Run("zoo", "generate", "bresnet18", "-o", model);
            AssertSame("cost-bresnet18.json", Json("cost", model, "--json").Replace(model, "bresnet18.onnx", StringComparison.Ordinal));
            AssertSame("map-bresnet18.json", Json("map", model, "--json").Replace(model, "bresnet18.onnx", StringComparison.Ordinal));
            Run("sweep", model, "--input-bits", "1", "--adc-bits", "3,8", "-o", Path.Combine(dir, "sweep"));
            AssertSame("sweep-bresnet18.results.json", File.ReadAllText(Path.Combine(dir, "sweep", "results.json")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Json(params string[] args) => Run(args).Output;

    private static CliRun Run(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.True(run.ExitCode == 0, $"bnnc {string.Join(' ', args)} exited {run.ExitCode}: {run.Error}");
        return run;
    }

    /// <summary>Compares a report with its pinned file, every leaf: numbers to 1e-12 relative, strings exactly.</summary>
    private static void AssertSame(string pinnedFile, string actualJson)
    {
        var relativeActual = actualJson.Replace(RepoPaths.Root + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(Pinned, pinnedFile)));
        var actual = JsonNode.Parse(relativeActual);
        var differences = new List<string>();
        Compare(expected, actual, "$", differences);
        Assert.True(differences.Count == 0, $"{pinnedFile}: {differences.Count} differences, first: {string.Join("; ", differences.Take(8))}");
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string at, List<string> differences)
    {
        switch (expected)
        {
            case null:
                if (actual is not null)
                {
                    differences.Add($"{at}: expected null, got {actual.ToJsonString()}");
                }

                break;
            case JsonObject e when actual is JsonObject a:
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                {
                    if (!e.ContainsKey(key) || !a.ContainsKey(key))
                    {
                        differences.Add($"{at}.{key}: present on one side only");
                    }
                    else if (!Descriptions.Contains(key))
                    {
                        Compare(e[key], a[key], $"{at}.{key}", differences);
                    }
                }

                break;
            case JsonArray e when actual is JsonArray a:
                if (e.Count != a.Count)
                {
                    differences.Add($"{at}: {e.Count} items expected, got {a.Count}");
                    break;
                }

                for (var i = 0; i < e.Count; i++)
                {
                    Compare(e[i], a[i], $"{at}[{i}]", differences);
                }

                break;
            case JsonValue e when actual is JsonValue a && e.TryGetValue<double>(out var x) && a.TryGetValue<double>(out var y):
                if (Math.Abs(x - y) > 1e-12 * Math.Max(1, Math.Max(Math.Abs(x), Math.Abs(y))))
                {
                    differences.Add($"{at}: expected {x:R}, got {y:R}");
                }

                break;
            default:
                if (expected.ToJsonString() != actual?.ToJsonString())
                {
                    differences.Add($"{at}: expected {expected.ToJsonString()}, got {actual?.ToJsonString() ?? "nothing"}");
                }

                break;
        }
    }
}
