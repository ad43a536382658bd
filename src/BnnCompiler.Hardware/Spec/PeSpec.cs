namespace BnnCompiler.Hardware;

/// <summary>A processing element (<c>pe.*</c>): a grid of subarrays and an adder tree over them.</summary>
public sealed record PeSpec
{
    /// <summary>Subarray grid, or null when the mapper chooses it per model (YAML <c>auto</c>).</summary>
    public required GridSpec? Subarrays { get; init; }

    public required BufferSpec InputBuffer { get; init; }

    public required BufferSpec OutputBuffer { get; init; }

    /// <summary>Output width of the adder tree in bits, or null for just wide enough for the exact sum.</summary>
    public required int? AdderTreeBits { get; init; }
}
