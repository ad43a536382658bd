namespace BnnCompiler.Evaluation.NeuroSim;

/// <summary>The floorplan NeuroSim V1.3 builds for a network file: tile and PE size (cells a side), and per layer its tiles and speed-up (copies).</summary>
public sealed record NeuroSimFloorplanResult(int TileSize, int PeSize, IReadOnlyList<int> TilesPerLayer, IReadOnlyList<int> SpeedUpPerLayer)
{
    /// <summary>Per layer, the part of its speed-up from copies side by side along a tile's columns (its in-PE and
    /// in-subarray column copies); the rest is along the rows.</summary>
    public IReadOnlyList<int> ColumnSpeedUpPerLayer { get; init; } = [];
}
