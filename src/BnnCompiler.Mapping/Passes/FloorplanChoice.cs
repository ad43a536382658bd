using BnnCompiler.Hardware;

namespace BnnCompiler.Mapping.Passes;

/// <summary>The PE and tile sizes the floorplan search settled on, with every candidate it weighed.</summary>
internal sealed record FloorplanChoice(GridSpec PesPerTile, GridSpec SubarraysPerPe, IReadOnlyList<FloorplanCandidate> Candidates);
