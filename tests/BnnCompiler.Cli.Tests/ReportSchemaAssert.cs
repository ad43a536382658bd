using System.Collections.Concurrent;
using System.Text.Json;
using BnnCompiler.Reports.Schemas;
using Json.Schema;

namespace BnnCompiler.Cli.Tests;

/// <summary>Validates a report against its shipped JSON Schema with JsonSchema.Net (draft 2020-12).</summary>
internal static class ReportSchemaAssert
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new();

    /// <summary>The report parsed, after asserting it follows schema <paramref name="name"/> (the failures listed otherwise).</summary>
    public static JsonDocument Valid(string json, string name)
    {
        var errors = Errors(json, name);
        Assert.True(errors.Count == 0, $"report does not follow schema {name}:\n{string.Join('\n', errors)}");
        return JsonDocument.Parse(json);
    }

    /// <summary>Every failure of the report against schema <paramref name="name"/>, as "location: message".</summary>
    public static List<string> Errors(string json, string name)
    {
        var schema = Schemas.GetOrAdd(name, n => JsonSchema.FromText(ReportSchemas.Text(n) ?? throw new ArgumentException($"no schema {n}"),
            new BuildOptions { SchemaRegistry = new SchemaRegistry() }));
        using var document = JsonDocument.Parse(json);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")).ToList();
    }
}
