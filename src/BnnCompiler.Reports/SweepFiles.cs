using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BnnCompiler.Evaluation.Sweep;
using BnnCompiler.Reports.Schemas;

namespace BnnCompiler.Reports;

/// <summary>Writes and reads the sweep's results.csv and results.json (atomically: temporary file, then rename).</summary>
public static class SweepFiles
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    /// <summary>results.json: the schema stamp (<see cref="ReportSchemas.SweepResults"/>) and the rows by index.</summary>
    public static void WriteJson(string directory, IReadOnlyList<SweepRow> rows, SweepSource? source = null)
    {
        Write(Path.Combine(directory, "results.json"), ReportSchemas.Stamp(ReportSchemas.SweepResults,
            JsonSerializer.SerializeToNode(rows.OrderBy(r => r.Index).ToList(), JsonOptions)).ToJsonString(JsonOptions));
        if (source is not null)
        {
            Write(Path.Combine(directory, SourceFile), JsonSerializer.Serialize(source, JsonOptions));
        }
    }

    /// <summary>What a sweep ran on, beside results.json (which holds only the rows, so a sweep run in one piece and
    /// one merged from shards or cluster tasks give the same results.json).</summary>
    public const string SourceFile = "source.json";

    /// <summary>The model, spec and data a sweep folder's results came from, or null when it does not say.</summary>
    public static SweepSource? ReadSource(string directory)
    {
        var path = Path.Combine(directory, SourceFile);
        return File.Exists(path) ? JsonSerializer.Deserialize<SweepSource>(File.ReadAllText(path), JsonOptions) : null;
    }

    /// <summary>report.html: the self-contained report of <see cref="SweepHtml"/>.</summary>
    public static void WriteHtml(string directory, string title, IReadOnlyList<SweepRow> rows, SweepSource? source) =>
        Write(Path.Combine(directory, "report.html"), SweepHtml.Build(title, rows, source));

    /// <summary>The rows of a results.json (a stamped object with <c>rows</c>; an unstamped array from before version 1 is read too).</summary>
    public static IReadOnlyList<SweepRow> ReadJson(string directory)
    {
        var path = Path.Combine(directory, "results.json");
        var node = JsonNode.Parse(File.ReadAllText(path));
        if (node is JsonObject stamped)
        {
            var version = stamped["schema_version"]?.GetValue<int>() ?? 0;
            if (stamped["schema"]?.GetValue<string>() != ReportSchemas.Id(ReportSchemas.SweepResults) || version > ReportSchemas.Version)
            {
                throw new InvalidDataException($"{path} is not a {ReportSchemas.Id(ReportSchemas.SweepResults)} report of schema version 1 to {ReportSchemas.Version}");
            }

            node = stamped["rows"];
        }

        return node.Deserialize<List<SweepRow>>(JsonOptions) ?? throw new InvalidDataException($"{path} holds no rows");
    }

    public static void WriteCsv(string directory, IReadOnlyList<SweepRow> rows)
    {
        var knobs = rows.SelectMany(r => r.Knobs.Keys).Distinct().ToList();
        var parts = new[] { "crossbar", "adc", "accumulation", "interconnect", "buffer", "other" };
        var monteCarlo = rows.Any(r => r.MonteCarlo is not null);
        var sb = new StringBuilder();
        sb.AppendJoin(',', new[] { "index" }.Concat(knobs).Concat(["samples", "reference_top1", "simulated_top1", "agreement",
            "area_mm2", .. parts.Select(p => "area_" + p), "latency_ms", .. parts.Select(p => "latency_" + p),
            "energy_dynamic_uj", "energy_leakage_uj", .. parts.Select(p => "energy_" + p), "tops", "tops_per_w", "fps", "tops_per_mm2"])
            .Concat(monteCarlo ? ["trials", "mean_top1", "std_top1", "ci95_low", "ci95_high"] : []));
        sb.Append('\n');
        foreach (var r in rows.OrderBy(r => r.Index))
        {
            var c = r.Cost;
            var cells = new List<string> { I(r.Index) };
            cells.AddRange(knobs.Select(k => r.Knobs.GetValueOrDefault(k, string.Empty)));
            cells.AddRange([I(r.Samples), D(r.ReferenceTop1), D(r.SimulatedTop1), D(r.Agreement), D(c.AreaMm2.Total)]);
            cells.AddRange(c.AreaMm2.Breakdown.Items.Select(i => D(i.Value)));
            cells.Add(D(c.LatencyMs.Total));
            cells.AddRange(c.LatencyMs.Breakdown.Items.Select(i => D(i.Value)));
            cells.AddRange([D(c.EnergyUj.Dynamic), D(c.EnergyUj.Leakage)]);
            cells.AddRange(c.EnergyUj.Breakdown.Items.Select(i => D(i.Value)));
            cells.AddRange([D(c.Tops), D(c.TopsPerW), D(c.Fps), D(c.TopsPerMm2)]);
            if (monteCarlo)
            {
                // Monte-Carlo statistics over the point's trials (simulated_top1 above is trial 0).
                var m = r.MonteCarlo;
                cells.AddRange([m is null ? string.Empty : I(m.Trials), D(m?.MeanTop1), D(m?.StdTop1), D(m?.Ci95Low), D(m?.Ci95High)]);
            }

            sb.AppendJoin(',', cells);
            sb.Append('\n');
        }

        Write(Path.Combine(directory, "results.csv"), sb.ToString());
    }

    public static void Write(string path, string text) => Core.IO.AtomicWrite.Text(path, text);

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string D(double? v) => v?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;
}
