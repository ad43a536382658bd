using BnnCompiler.Mapping;

namespace BnnCompiler.Circuits.Components;

/// <summary>
/// Port widths of a tile's single-ported buffers (DNN+NeuroSim V1.3 Tile.cpp): the input buffer moves PE rows per
/// tile × subarray rows bits a cycle, the output buffer one word per PE column a cycle. The compiler's machine
/// parameters, the analytical stage model and the circuits all read them from here.
/// </summary>
public static class TileBufferPorts
{
    public static int InputBits(Floorplan floorplan) => Math.Max(1, floorplan.PesPerTile.Rows * floorplan.SubarrayRows);

    public static int OutputWords(Floorplan floorplan) => Math.Max(1, floorplan.PesPerTile.Columns);
}
