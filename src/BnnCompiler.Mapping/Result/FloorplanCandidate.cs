using BnnCompiler.Hardware;

namespace BnnCompiler.Mapping;

/// <summary>
/// One tile / PE size the floorplan search tried: the tiles one copy of every layer needs with it, the weight
/// utilisation of those tiles, whether it fits a fixed chip grid, and whether it was chosen.
/// </summary>
public sealed record FloorplanCandidate(GridSpec PesPerTile, GridSpec SubarraysPerPe, int Tiles, double Utilization, bool Fits, bool Chosen);
