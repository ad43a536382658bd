using BnnCompiler.Hardware;

namespace BnnCompiler.Mapping.Passes;

/// <summary>
/// Chooses the PE and tile sizes the spec leaves <c>auto</c>, NeuroSim-style: start from the smallest square
/// power-of-two size whose tile is as wide as the widest layer (max N), halve it down to 2, and keep the size
/// with the best weight utilisation of the tiles (ties: the larger; with a fixed chip grid, only sizes that fit).
/// <code>
/// before: tile.pes = auto, pe.subarrays = auto; BResNet18, max N = 1000, 64 x 128 weights per subarray
/// after:  tile 2x2 PEs; candidates PE 4x4 (74 tiles, 30 %) and PE 2x2 (133 tiles, 67 %): PE 2x2 subarrays
/// </code>
/// </summary>
internal static class ResolveFloorplan
{
    /// <summary>PEs per tile side when both tile.pes and pe.subarrays are auto (NeuroSim: PE = tile / 2).</summary>
    public const int PesPerTileSideWhenBothAuto = 2;

    /// <summary>Smallest size the search halves down to (NeuroSim keeps a tile above 2 subarrays a side).</summary>
    public const int SmallestCandidate = 2;

    public static FloorplanChoice Run(IReadOnlyList<MatrixLayer> layers, HardwareSpec spec)
    {
        var fixedTile = spec.Tile.Pes;
        var fixedPe = spec.Pe.Subarrays;
        if (fixedTile is not null && fixedPe is not null)
        {
            return new FloorplanChoice(fixedTile, fixedPe, []);
        }

        // The free side X: subarrays per PE side (tile fixed, or both auto with a 2x2 PE tile), or PEs per tile side.
        var searchPe = fixedPe is null;
        var tileWhenSearchingPe = fixedTile ?? new GridSpec(PesPerTileSideWhenBothAuto, PesPerTileSideWhenBothAuto);
        var otherColumns = searchPe ? tileWhenSearchingPe.Columns : fixedPe!.Columns;
        var widestLayer = layers.Max(l => l.N);
        var largest = PowerOfTwoAtLeast(LayerPartition.Ceil(widestLayer, otherColumns * spec.WeightColumnsPerSubarray));
        var smallest = Math.Min(SmallestCandidate, largest);

        var evaluated = new List<(GridSpec Tile, GridSpec Pe, int Tiles, double Utilization, bool Fits)>();
        for (var x = largest; x >= smallest; x /= 2)
        {
            var tile = searchPe ? tileWhenSearchingPe : new GridSpec(x, x);
            var pe = searchPe ? new GridSpec(x, x) : fixedPe!;
            var tiles = layers.Sum(l => LayerPartition.Of(l.K, l.N, spec.WeightRowsPerSubarray, spec.WeightColumnsPerSubarray, pe, tile).Tiles);
            var slots = (double)tiles * tile.Count * pe.Count * spec.WeightRowsPerSubarray * spec.WeightColumnsPerSubarray;
            var utilization = layers.Sum(l => (double)l.Weights) / slots;
            evaluated.Add((tile, pe, tiles, utilization, spec.Chip.Tiles is null || tiles <= spec.Chip.Tiles.Count));
        }

        var fitting = evaluated.Where(e => e.Fits).ToList();
        var chosen = fitting.Count > 0
            ? fitting.Aggregate((best, e) => e.Utilization > best.Utilization ? e : best)
            : evaluated.Aggregate((best, e) => e.Tiles < best.Tiles ? e : best);
        var candidates = evaluated
            .Select(e => new FloorplanCandidate(e.Tile, e.Pe, e.Tiles, e.Utilization, e.Fits, e == chosen))
            .ToList();
        return new FloorplanChoice(chosen.Tile, chosen.Pe, candidates);
    }

    private static int PowerOfTwoAtLeast(int n)
    {
        var p = 1;
        while (p < n)
        {
            p *= 2;
        }

        return p;
    }
}
