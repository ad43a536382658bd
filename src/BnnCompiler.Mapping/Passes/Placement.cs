using BnnCompiler.Hardware;

namespace BnnCompiler.Mapping.Passes;

/// <summary>The chip grid, the used tiles, and per layer its placed blocks and tile ids.</summary>
internal sealed record Placement(
    GridSpec ChipGrid,
    IReadOnlyList<TilePlacement> Tiles,
    IReadOnlyList<IReadOnlyList<SubarrayBlock>> Blocks,
    IReadOnlyList<IReadOnlyList<int>> TileIds);
