namespace BnnCompiler.Mapping;

/// <summary>
/// Chip-wide counts over all mapped layers and their copies. Utilisations are stored weights over weight
/// slots: of the used subarrays, of the used tiles, and of every tile of the chip grid.
/// </summary>
public sealed record ChipTotals(
    int TilesUsed,
    int ChipTiles,
    int PesUsed,
    int SubarraysUsed,
    long Weights,
    long CellsUsed,
    double SubarrayUtilization,
    double TileUtilization,
    double ChipUtilization);
