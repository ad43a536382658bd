namespace BnnCompiler.Core.Diagnostics;

/// <summary>How serious a diagnostic is: errors stop the command, warnings are printed and the run goes on.</summary>
public enum DiagnosticSeverity
{
    Warning,
    Error,
}
