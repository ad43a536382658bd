namespace BnnCompiler.Core.Diagnostics;

/// <summary>
/// Carries one or more user-input diagnostics out of a deep call stack to the command line, which prints
/// them and exits with code 2. Never used for internal invariants.
/// </summary>
public sealed class DiagnosticException : Exception
{
    public DiagnosticException(IReadOnlyList<Diagnostic> diagnostics)
        : base(string.Join(Environment.NewLine, diagnostics))
    {
        if (diagnostics.Count == 0)
        {
            throw new ArgumentException("at least one diagnostic is required", nameof(diagnostics));
        }

        Diagnostics = diagnostics;
    }

    public DiagnosticException(Diagnostic diagnostic)
        : this([diagnostic])
    {
    }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
