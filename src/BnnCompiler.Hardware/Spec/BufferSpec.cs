namespace BnnCompiler.Hardware;

/// <summary>A buffer: its circuit kind and capacity.</summary>
public sealed record BufferSpec
{
    public required BufferKind Kind { get; init; }

    /// <summary>Capacity in KiB, or null when the mapper sizes it (YAML <c>auto</c>).</summary>
    public required double? SizeKib { get; init; }

    public bool IsAutoSized => SizeKib is null;
}
