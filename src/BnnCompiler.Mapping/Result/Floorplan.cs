using BnnCompiler.Hardware;

namespace BnnCompiler.Mapping;

/// <summary>
/// The resolved hierarchy: chip tile grid, PEs per tile, subarrays per PE (spec values, or the mapper's choice
/// where the spec says <c>auto</c>), the subarray in cells and in weights, and the buffer sizes.
/// </summary>
public sealed record Floorplan
{
    /// <summary>The chip's tile grid (all tile slots, used or not).</summary>
    public required GridSpec Tiles { get; init; }

    public required GridSpec PesPerTile { get; init; }

    public required GridSpec SubarraysPerPe { get; init; }

    /// <summary>Physical rows (word lines) of one subarray.</summary>
    public required int SubarrayRows { get; init; }

    /// <summary>Physical columns (bit lines) of one subarray.</summary>
    public required int SubarrayColumns { get; init; }

    /// <summary>Weight rows (inputs) one subarray holds: physical rows / rows per weight.</summary>
    public required int WeightRowsPerSubarray { get; init; }

    /// <summary>Weight columns (outputs) one subarray holds: (physical columns − reference column) / columns per weight.</summary>
    public required int WeightColumnsPerSubarray { get; init; }

    public required BufferSizes Buffers { get; init; }

    /// <summary>The sizes the search tried (empty when the spec fixes both tile.pes and pe.subarrays).</summary>
    public required IReadOnlyList<FloorplanCandidate> Candidates { get; init; }

    public int SubarraysPerTile => PesPerTile.Count * SubarraysPerPe.Count;

    public int WeightRowsPerPe => SubarraysPerPe.Rows * WeightRowsPerSubarray;

    public int WeightColumnsPerPe => SubarraysPerPe.Columns * WeightColumnsPerSubarray;

    public int WeightRowsPerTile => PesPerTile.Rows * WeightRowsPerPe;

    public int WeightColumnsPerTile => PesPerTile.Columns * WeightColumnsPerPe;

    public long WeightsPerSubarray => (long)WeightRowsPerSubarray * WeightColumnsPerSubarray;

    public long WeightsPerTile => WeightsPerSubarray * SubarraysPerTile;
}
