using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Cli.Output;
using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Reports;

namespace BnnCompiler.Cli.Commands;

/// <summary>
/// <c>bnnc report DIR</c>: writes DIR/report.html from the results.json of a sweep, a merged sweep or one of the
/// study's grids: one self-contained file (tables, the accuracy heatmap, knee and bottlenecks, plots inline) that
/// opens in a browser without network access.
/// </summary>
public static class ReportCommand
{
    public static CliCommand Command { get; } = new(
        "report",
        "write report.html (self-contained: tables, heatmap, plots) from a sweep's results.json",
        "bnnc report DIR",
        [],
        1,
        Run);

    private static int Run(ParsedArguments args, TextWriter output)
    {
        var directory = args.Positionals.Count > 0 ? args.Positionals[0]
            : throw new DiagnosticException(Diagnostic.Error("BNN1002", "report needs the folder of a sweep (its results.json)", new SourceLocation("bnnc report")));
        var results = Path.Combine(directory, "results.json");
        if (!File.Exists(results))
        {
            throw new DiagnosticException(Diagnostic.Error("BNN7002", "no results.json in this directory; expected the -o folder of a sweep", new SourceLocation(directory)));
        }

        OutputPaths.CheckFile(Path.Combine(directory, "report.html"));
        try
        {
            var rows = SweepFiles.ReadJson(directory);
            if (rows.Count == 0)
            {
                throw new InvalidDataException("it holds no points");
            }

            var source = SweepFiles.ReadSource(directory);
            OutputPaths.Guard(directory, () => SweepFiles.WriteHtml(directory, $"Sweep of {Path.GetFileName(source?.Model ?? Path.GetFullPath(directory))}", rows, source));
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException or InvalidOperationException or FormatException)
        {
            throw new DiagnosticException(Diagnostic.Error("BNN7002", $"results.json is not a sweep's results: {e.Message}", new SourceLocation(results)));
        }

        output.WriteLine($"report: {Path.Combine(directory, "report.html")}");
        return 0;
    }
}
