namespace BnnCompiler.Mapping;

/// <summary>
/// Where one subarray sits: the chip tile (its id and its position on the chip grid), the PE inside the tile
/// (grid position and row-major index) and the subarray inside the PE (grid position and row-major index).
/// <see cref="SubarrayId"/> numbers every subarray slot of the chip uniquely:
/// <c>(Tile · PEs per tile + Pe) · subarrays per PE + Subarray</c> (use it to seed per-cell random draws).
/// </summary>
public sealed record SubarrayAddress(
    int Tile,
    int TileGridRow,
    int TileGridColumn,
    int PeRow,
    int PeColumn,
    int Pe,
    int SubarrayRow,
    int SubarrayColumn,
    int Subarray,
    int SubarrayId);
