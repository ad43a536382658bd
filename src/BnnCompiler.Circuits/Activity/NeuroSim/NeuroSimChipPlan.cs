namespace BnnCompiler.Circuits.Activity.NeuroSim;

/// <summary>DNN+NeuroSim V1.3's floorplan of a mapped chip: tile and PE sides in cells and every layer's share.</summary>
public sealed record NeuroSimChipPlan(int TileSideCells, int PeSideCells, IReadOnlyList<NeuroSimLayerPlan> Layers)
{
    public int Tiles => Layers.Sum(l => l.Tiles);

    /// <summary>PEs along one side of a tile.</summary>
    public int PesPerSide => Math.Max(1, TileSideCells / Math.Max(1, PeSideCells));
}
