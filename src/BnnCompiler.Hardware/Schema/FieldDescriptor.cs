namespace BnnCompiler.Hardware;

/// <summary>
/// One key of the hardware spec: its dotted YAML path, what it accepts, its unit, its default and a one-line
/// description. The loader, the writer and docs/hwspec.md all work from the table of these in
/// <see cref="HardwareSpecSchema"/>.
/// </summary>
public sealed class FieldDescriptor
{
    internal FieldDescriptor(string path, FieldType type, string unit, object? @default, string description, Func<HardwareSpec, object?> read)
    {
        Path = path;
        Type = type;
        Unit = unit;
        Default = @default;
        Description = description;
        _read = read;
    }

    private readonly Func<HardwareSpec, object?> _read;

    /// <summary>Dotted YAML path, e.g. <c>subarray.rows</c>.</summary>
    public string Path { get; }

    public FieldType Type { get; }

    /// <summary>Unit of the value ("Ω", "ns", "cells"), or "" when it has none.</summary>
    public string Unit { get; }

    /// <summary>
    /// The value used when the key is absent. Null means the keyword (when the type has one: <c>auto</c>, …)
    /// or, for an optional key, "not set".
    /// </summary>
    public object? Default { get; }

    public string Description { get; }

    /// <summary>True when the key may be left unset (null): it has no default and no keyword.</summary>
    public bool IsOptional => Default is null && Type.Keyword is null;

    /// <summary>The default as it would be written in YAML, or "none" for an optional key.</summary>
    public string DefaultText => Default is null && Type.Keyword is null ? "none" : Type.Format(Default);

    /// <summary>This key's value in a built spec (null for the keyword or "not set"), typed as in <see cref="Default"/>.</summary>
    public object? ValueIn(HardwareSpec spec) => _read(spec);

    /// <summary>The last segment of the path: the key as written in its section.</summary>
    public string Name => Path[(Path.LastIndexOf('.') + 1)..];

    /// <summary>The section that holds the key ("" for the top level).</summary>
    public string Section => Path.Contains('.') ? Path[..Path.LastIndexOf('.')] : "";
}
