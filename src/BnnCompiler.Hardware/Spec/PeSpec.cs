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

    /// <summary>Spare subarrays fabricated in each PE (<c>pe.spare_subarrays</c>): a block whose subarray repair cannot
    /// fix moves onto one (repair.mode map+spares; docs/repair.md).</summary>
    public int SpareSubarrays { get; init; }
}
