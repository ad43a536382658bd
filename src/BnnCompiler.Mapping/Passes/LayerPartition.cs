namespace BnnCompiler.Mapping.Passes;

/// <summary>
/// How one copy of a K × N matrix is cut: ⌈K / R⌉ × ⌈N / C⌉ subarray blocks (R, C = weight rows and columns of a
/// subarray), grouped S_r × S_c to a PE and P_r × P_c PEs to a tile.
/// </summary>
internal sealed record LayerPartition(int RowBlocks, int ColumnBlocks, int PeRows, int PeColumns, int TileRows, int TileColumns)
{
    public int Blocks => RowBlocks * ColumnBlocks;

    public int Pes => PeRows * PeColumns;

    public int Tiles => TileRows * TileColumns;

    public static LayerPartition Of(int k, int n, int weightRows, int weightColumns, Hardware.GridSpec subarraysPerPe, Hardware.GridSpec pesPerTile)
    {
        var rowBlocks = Ceil(k, weightRows);
        var columnBlocks = Ceil(n, weightColumns);
        var peRows = Ceil(rowBlocks, subarraysPerPe.Rows);
        var peColumns = Ceil(columnBlocks, subarraysPerPe.Columns);
        return new LayerPartition(rowBlocks, columnBlocks, peRows, peColumns, Ceil(peRows, pesPerTile.Rows), Ceil(peColumns, pesPerTile.Columns));
    }

    /// <summary>Where row-block partial sums meet: none, one PE, one tile, or across tiles.</summary>
    public AccumulationLevel Accumulation =>
        RowBlocks == 1 ? AccumulationLevel.None
        : PeRows == 1 ? AccumulationLevel.Pe
        : TileRows == 1 ? AccumulationLevel.Tile
        : AccumulationLevel.Chip;

    public static int Ceil(int a, int b) => (a + b - 1) / b;
}
