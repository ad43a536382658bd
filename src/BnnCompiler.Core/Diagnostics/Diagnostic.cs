namespace BnnCompiler.Core.Diagnostics;

/// <summary>
/// One problem with user input, printed as <c>file(line,col): detail: error BNN2004: message</c>.
/// Codes: BNN1xxx command line and files, BNN2xxx hardware spec, BNN3xxx ONNX import, BNN4xxx mapping,
/// BNN5xxx simulation and datasets.
/// </summary>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, string Message, SourceLocation? Location = null)
{
    public static Diagnostic Error(string code, string message, SourceLocation? location = null) =>
        new(code, DiagnosticSeverity.Error, message, location);

    public static Diagnostic Warning(string code, string message, SourceLocation? location = null) =>
        new(code, DiagnosticSeverity.Warning, message, location);

    public override string ToString()
    {
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return Location is null ? $"{severity} {Code}: {Message}" : $"{Location}: {severity} {Code}: {Message}";
    }
}
