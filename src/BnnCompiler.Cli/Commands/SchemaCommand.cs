using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Reports.Schemas;

namespace BnnCompiler.Cli.Commands;

/// <summary>
/// <c>bnnc schema NAME</c>: prints the JSON Schema (draft 2020-12) of a report: <c>evaluate</c> (<c>bnnc evaluate -o</c>
/// / <c>--json</c>), <c>cost</c> (<c>bnnc cost --json</c>), <c>map</c> (<c>bnnc map --json</c>) or <c>sweep-results</c>
/// (a sweep's results.json); without NAME, lists them.
/// </summary>
public static class SchemaCommand
{
    public static CliCommand Command { get; } = new(
        "schema",
        "print the JSON Schema of a report (evaluate, cost, map, sweep-results)",
        "bnnc schema [evaluate|cost|map|sweep-results]",
        [],
        1,
        Run);

    private static int Run(ParsedArguments args, TextWriter output)
    {
        if (args.Positionals.Count == 0)
        {
            foreach (var name in ReportSchemas.Names)
            {
                output.WriteLine($"{name}  (reports say \"schema\": \"{ReportSchemas.Id(name)}\", \"schema_version\": {ReportSchemas.Version})");
            }

            return 0;
        }

        var text = ReportSchemas.Text(args.Positionals[0])
            ?? throw new DiagnosticException(Diagnostic.Error("BNN1002",
                $"no report schema '{args.Positionals[0]}'; schemas: {string.Join(", ", ReportSchemas.Names)}", new SourceLocation("bnnc schema")));
        output.Write(text);
        return 0;
    }
}
