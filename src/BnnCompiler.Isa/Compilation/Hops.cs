using BnnCompiler.Hardware;
using BnnCompiler.Mapping;

namespace BnnCompiler.Isa.Compilation;

/// <summary>
/// Hops between the global buffer and a tile. Mesh: the global buffer sits beside tile slot (0, 0), so a tile at grid
/// (r, c) is r + c + 1 router hops away. H-tree: the global buffer is the root, every tile a leaf at depth
/// ⌈log2 rows⌉ + ⌈log2 columns⌉ (at least 1).
/// </summary>
internal static class Hops
{
    public static int ToTile(MachineParameters machine, TilePlacement tile) => machine.Interconnect switch
    {
        InterconnectTopology.Mesh => tile.GridRow + tile.GridColumn + 1,
        _ => Math.Max(1, Log2Ceil(machine.Tiles.Rows) + Log2Ceil(machine.Tiles.Columns)),
    };

    private static int Log2Ceil(int n)
    {
        var levels = 0;
        while ((1L << levels) < n)
        {
            levels++;
        }

        return levels;
    }
}
