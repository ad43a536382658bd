namespace BnnCompiler.Hardware;

/// <summary>A tile (<c>tile.*</c>): a grid of PEs that never holds more than one layer.</summary>
public sealed record TileSpec
{
    /// <summary>PE grid, or null when the mapper chooses it per model (YAML <c>auto</c>).</summary>
    public required GridSpec? Pes { get; init; }

    public required BufferSpec InputBuffer { get; init; }

    public required BufferSpec OutputBuffer { get; init; }
}
