using System.Text.Json.Nodes;

namespace BnnCompiler.Reports.Schemas;

/// <summary>
/// The JSON Schemas (draft 2020-12) of the reports bnnc writes, shipped in this assembly (<c>Schemas/NAME.schema.json</c>)
/// and printed by <c>bnnc schema NAME</c>, and the stamp every report carries: <c>"schema": "bnnc-NAME"</c> and
/// <c>"schema_version"</c>. Within a version, reports only gain keys; a key removed, renamed or retyped is a new
/// version (docs/reports.md).
/// </summary>
public static class ReportSchemas
{
    /// <summary>The version every report of this build carries.</summary>
    public const int Version = 1;

    public const string Evaluate = "evaluate";

    public const string Cost = "cost";

    public const string Map = "map";

    public const string SweepResults = "sweep-results";

    public static IReadOnlyList<string> Names { get; } = [Evaluate, Cost, Map, SweepResults];

    /// <summary>The value of a report's <c>schema</c> key.</summary>
    public static string Id(string name) => "bnnc-" + name;

    /// <summary>The schema's text, or null for a name that is not one of <see cref="Names"/>.</summary>
    public static string? Text(string name)
    {
        if (!Names.Contains(name))
        {
            return null;
        }

        using var stream = typeof(ReportSchemas).Assembly.GetManifestResourceStream($"BnnCompiler.Reports.Schemas.{name}.schema.json")
            ?? throw new InvalidOperationException($"schema {name} is not embedded in {typeof(ReportSchemas).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// The report with <c>schema</c> and <c>schema_version</c> as its first keys: an object's own keys follow; an array
    /// (the sweep's rows) goes under <c>rows</c>.
    /// </summary>
    public static JsonObject Stamp(string name, JsonNode? report)
    {
        var stamped = new JsonObject { ["schema"] = Id(name), ["schema_version"] = Version };
        if (report is JsonObject body)
        {
            foreach (var key in body.Select(p => p.Key).ToList())
            {
                var value = body[key];
                body.Remove(key);
                stamped[key] = value;
            }
        }
        else
        {
            stamped["rows"] = report;
        }

        return stamped;
    }
}
