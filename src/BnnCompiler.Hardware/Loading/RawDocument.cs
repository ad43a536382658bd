using BnnCompiler.Core.Diagnostics;

namespace BnnCompiler.Hardware;

internal enum RawKind
{
    Scalar,
    Null,
    Mapping,
    Sequence,
}

/// <summary>A key's value as written, before any type check: its text (for scalars) and where it came from.</summary>
internal sealed record RawValue(RawKind Kind, string? Text, SourceLocation Location, bool FromOverride)
{
    /// <summary>How the value is shown in a message: quoted text, or what kind of node it is.</summary>
    public string Shown => Kind switch
    {
        RawKind.Scalar => $"'{Text}'",
        RawKind.Null => "nothing",
        RawKind.Mapping => "a mapping",
        _ => "a list",
    };
}

/// <summary>
/// The data-transfer form of a spec: every key that was written (in the file or with <c>--set</c>), by dotted
/// path, with its raw value and location. Structure has been checked (no unknown or duplicate keys here);
/// types, ranges and cross-key rules have not.
/// </summary>
internal sealed class RawDocument
{
    private readonly Dictionary<string, RawValue> _values = new(StringComparer.Ordinal);

    public RawDocument(string sourcePath) => SourcePath = sourcePath;

    /// <summary>The file name used in messages.</summary>
    public string SourcePath { get; }

    public RawValue? this[string path] => _values.GetValueOrDefault(path);

    public void Set(string path, RawValue value) => _values[path] = value;

    public void Remove(string path) => _values.Remove(path);

    /// <summary>A document holding every key of a built spec, so that overrides can be applied to it and revalidated.</summary>
    public static RawDocument FromSpec(HardwareSpec spec)
    {
        var document = new RawDocument(spec.SourcePath);
        var location = new SourceLocation(spec.SourcePath);
        foreach (var field in HardwareSpecSchema.Fields)
        {
            var value = field.ValueIn(spec);
            if (value is null && field.IsOptional)
            {
                continue;
            }

            var text = value is string written ? written : field.Type.Format(value);
            document.Set(field.Path, new RawValue(RawKind.Scalar, text, location, FromOverride: false));
        }

        return document;
    }
}
