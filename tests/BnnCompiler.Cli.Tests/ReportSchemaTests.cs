using System.Text.Json;
using System.Text.Json.Nodes;
using BnnCompiler.Reports.Schemas;
using BnnCompiler.Testing;

namespace BnnCompiler.Cli.Tests;

/// <summary>
/// The report schemas: every kind of report bnnc writes (cost, map, evaluate with and without Monte-Carlo and
/// ablation, the sweep's results.json with and without data and trials) validates against its shipped schema with
/// JsonSchema.Net and carries the schema's name and version; a report that drops, retypes or misnames a key does
/// not; <c>bnnc schema NAME</c> prints the shipped file; docs/reports.md names every top-level field.
/// </summary>
public sealed class ReportSchemaTests : IDisposable
{
    private static readonly string Mlp = RepoPaths.Require(RepoPaths.Repo("onnx-models/fmnist-mlp.onnx"));
    private static readonly string Cnn = RepoPaths.Require(RepoPaths.Repo("onnx-models/fmnist-cnn.onnx"));
    private static readonly string ResCnn = RepoPaths.Require(RepoPaths.Repo("onnx-models/fmnist-rescnn.onnx"));
    private static readonly string Tfc = RepoPaths.Require(RepoPaths.Repo("onnx-models/external/tfc-w1a1/TFC_1W1A.qonnx.onnx"));
    private static readonly string NonIdeal = RepoPaths.Require(RepoPaths.Repo("hwspecs/rram-nonideal.yaml"));
    private readonly string _dir = Directory.CreateTempSubdirectory("bnnc-schema-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string, string[]> Printed => new()
    {
        { "cost", ["cost", Cnn, "--json"] },
        { "cost", ["cost", Tfc, "--json"] },
        { "cost", ["cost", ResCnn, "--latency", "analytical", "--json"] },
        { "map", ["map", Cnn, "--json"] },
        { "map", ["map", Tfc, "--json"] },
        { "map", ["map", ResCnn, "--json"] },
        { "evaluate", ["evaluate", Tfc, "--data", "mnist-heldout", "--limit", "20", "--json"] },
        { "evaluate", ["evaluate", Mlp, "--hw", NonIdeal, "--data", "fashion-mnist", "--limit", "20", "--trials", "2", "--ablate", "--json"] },
    };

    [Theory]
    [MemberData(nameof(Printed))]
    public void Should_Follow_Its_Schema(string schema, string[] args)
    {
        var run = CliRun.Of(args);

        Assert.True(run.ExitCode == 0, run.Error);
        using var report = ReportSchemaAssert.Valid(run.Output, schema);
        Assert.Equal(("bnnc-" + schema, ReportSchemas.Version), (report.RootElement.GetProperty("schema").GetString(), report.RootElement.GetProperty("schema_version").GetInt32()));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Should_Write_Sweep_Results_That_Follow_Their_Schema(bool withData, bool withTrials)
    {
        var output = Path.Combine(_dir, $"sweep-{withData}-{withTrials}");
        string[] data = withData ? ["--data", "fashion-mnist", "--limit", "20"] : [];
        string[] trials = withTrials ? ["--hw", NonIdeal, "--trials", "2"] : [];

        var run = CliRun.Of(["sweep", Mlp, .. data, .. trials, "--adc-bits", "3,4", "-o", output]);

        Assert.True(run.ExitCode == 0, run.Error);
        using var results = ReportSchemaAssert.Valid(File.ReadAllText(Path.Combine(output, "results.json")), ReportSchemas.SweepResults);
        Assert.Equal(2, results.RootElement.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public void Should_Reject_A_Report_That_Drops_Retypes_Or_Misnames_A_Key()
    {
        var run = CliRun.Of("cost", Tfc, "--json");
        Assert.Empty(ReportSchemaAssert.Errors(run.Output, "cost"));

        Assert.NotEmpty(ReportSchemaAssert.Errors(Edit(run.Output, o => o.Remove("bottleneck")), "cost"));
        Assert.NotEmpty(ReportSchemaAssert.Errors(Edit(run.Output, o => o["images"] = "one"), "cost"));
        Assert.NotEmpty(ReportSchemaAssert.Errors(Edit(run.Output, o => o["cost"]!["area_mm2"]!.AsObject().Remove("total")), "cost"));
        Assert.NotEmpty(ReportSchemaAssert.Errors(Edit(run.Output, o => o["schema_version"] = 2), "cost"));
        Assert.NotEmpty(ReportSchemaAssert.Errors(run.Output, "map"));
    }

    [Fact]
    public void Should_Print_The_Shipped_Schema()
    {
        foreach (var name in ReportSchemas.Names)
        {
            var run = CliRun.Of("schema", name);

            Assert.Equal(0, run.ExitCode);
            Assert.Equal(File.ReadAllText(RepoPaths.Repo($"src/BnnCompiler.Reports/Schemas/{name}.schema.json")), run.Output);
            using var schema = JsonDocument.Parse(run.Output);
            Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());
        }

        CliRun.Of("schema", "evaluation").ShouldFailWith("BNN1002", "evaluate, cost, map, sweep-results");
    }

    [Fact]
    public void Should_List_Every_Top_Level_Field_In_The_Docs()
    {
        var docs = File.ReadAllText(RepoPaths.Require(RepoPaths.Repo("docs/reports.md")));
        foreach (var name in ReportSchemas.Names)
        {
            using var schema = JsonDocument.Parse(ReportSchemas.Text(name)!);
            var properties = schema.RootElement.GetProperty("properties");
            var fields = properties.EnumerateObject().Select(p => p.Name).ToList();
            if (name == ReportSchemas.SweepResults)
            {
                fields.AddRange(properties.GetProperty("rows").GetProperty("items").GetProperty("properties").EnumerateObject().Select(p => p.Name));
            }

            Assert.All(fields, f => Assert.Contains($"`{f}`", docs, StringComparison.Ordinal));
        }
    }

    private static string Edit(string json, Action<JsonObject> edit)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        edit(node);
        return node.ToJsonString();
    }
}
