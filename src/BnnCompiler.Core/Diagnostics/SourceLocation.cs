namespace BnnCompiler.Core.Diagnostics;

/// <summary>
/// Where a diagnostic points: a file, optionally a line and column (YAML, text) and a detail such as a
/// YAML path or an ONNX node ("node 'conv1' (Conv)").
/// </summary>
public sealed record SourceLocation(string File, int? Line = null, int? Column = null, string? Detail = null)
{
    public override string ToString()
    {
        var where = Line is { } line ? $"{File}({line},{Column ?? 1})" : File;
        return Detail is null ? where : $"{where}: {Detail}";
    }
}
