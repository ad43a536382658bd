namespace BnnCompiler.Core.Diagnostics;

/// <summary>Collects every problem found in one pass over an input, so that all are reported together.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Any(d => d.Severity == DiagnosticSeverity.Error);

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void Error(string code, string message, SourceLocation? location = null) =>
        _items.Add(Diagnostic.Error(code, message, location));

    public void Warning(string code, string message, SourceLocation? location = null) =>
        _items.Add(Diagnostic.Warning(code, message, location));

    /// <summary>Throws a <see cref="DiagnosticException"/> with every diagnostic when any is an error.</summary>
    public void ThrowIfErrors()
    {
        if (HasErrors)
        {
            throw new DiagnosticException(_items.ToList());
        }
    }
}
