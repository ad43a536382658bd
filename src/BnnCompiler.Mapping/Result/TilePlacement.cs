namespace BnnCompiler.Mapping;

/// <summary>
/// One used tile of the chip: its id (allocation order), its position on the chip grid, and the part of a
/// layer copy it holds (tile row and column within the copy's tile grid) with the PEs and subarrays it uses.
/// A tile never holds more than one layer.
/// </summary>
public sealed record TilePlacement(
    int Id,
    int GridRow,
    int GridColumn,
    string Layer,
    int Copy,
    int LayerTileRow,
    int LayerTileColumn,
    int PesUsed,
    int SubarraysUsed);
