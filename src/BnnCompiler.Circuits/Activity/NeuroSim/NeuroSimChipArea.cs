namespace BnnCompiler.Circuits.Activity.NeuroSim;

/// <summary>
/// A chip's area as DNN+NeuroSim V1.3 lays it out (<see cref="NeuroSimArea"/>), in µm² per bucket (NeuroSim's "other
/// peripherals" split into the register files and flip-flops, <see cref="BufferUm2"/>, and the rest, <see cref="OtherUm2"/>),
/// with the sides of one PE and one tile and the grid of tiles its chip H-tree spans.
/// </summary>
public sealed record NeuroSimChipArea(
    double ArrayUm2,
    double AdcUm2,
    double AccumulationUm2,
    double InterconnectUm2,
    double BufferUm2,
    double OtherUm2,
    double PeSideUm,
    double TileSideUm,
    int GridRows,
    int GridColumns)
{
    public double TotalUm2 => ArrayUm2 + AdcUm2 + AccumulationUm2 + InterconnectUm2 + BufferUm2 + OtherUm2;
}
