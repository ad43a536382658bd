using BnnCompiler.Mapping.Defects;
using BnnCompiler.Mapping.Repair;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// A spare subarray a block moved onto (<see cref="SpareSubarrayPool"/>): spare <see cref="Index"/> of PE
/// <see cref="Pe"/> of tile <see cref="Tile"/>, its stuck cells and cell draws, and the block's repair plan on it.
/// </summary>
public sealed record SpareSubarray(int Tile, int Pe, int Index, SubarrayDefects Defects, CellDraws Draws, SubarrayRepair Plan, RepairCounts Counts);
