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
/// With <c>chip.floorplan: neurosim</c> (DNN+NeuroSim V1.3's <c>ChipFloorPlan</c>, conventional mapping) the tile side
/// T = 2X subarrays starts at least at 4 (T_max ≥ 4 subarray rows) and is halved only while it stays above 4, so
/// X ≥ 4 unless X_max ≤ 2; then, both grids auto, the PE side is halved from X while it stays above 2 subarrays,
/// more PEs per tile, kept when the PEs' own utilisation improves.
/// <code>
/// BResNet18 (X_max = 4): candidates PE 4x4 only (74 tiles, 30 %): tile 2x2 PEs of 4x4 subarrays (1024 x 1024 cells)
/// </code>
/// </summary>
internal static class ResolveFloorplan
{
    /// <summary>PEs per tile side when both tile.pes and pe.subarrays are auto (NeuroSim: PE = tile / 2).</summary>
    public const int PesPerTileSideWhenBothAuto = 2;

    /// <summary>Smallest size the search halves down to (NeuroSim keeps a tile above 2 subarrays a side).</summary>
    public const int SmallestCandidate = 2;

    /// <summary>NeuroSim V1.3: a tile is at least 4 subarrays a side (T ≥ 4 · subarray rows).</summary>
    public const int NeuroSimSmallestTileSide = 4;

    /// <summary>NeuroSim V1.3: halving continues only while the tile stays above 4 subarrays a side (X above 2).</summary>
    public const int NeuroSimSmallestHalvedSide = 4;

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
        var neuroSim = spec.Chip.Floorplan == FloorplanRule.NeuroSim;
        if (neuroSim)
        {
            largest = Math.Max(largest, NeuroSimSmallestTileSide / PesPerTileSideWhenBothAuto);
        }

        var smallest = Math.Min(neuroSim ? NeuroSimSmallestHalvedSide : SmallestCandidate, largest);

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
        if (neuroSim && fixedTile is null && fixedPe is null)
        {
            chosen = RefinePe(layers, spec, chosen, evaluated);
        }

        var candidates = evaluated
            .Select(e => new FloorplanCandidate(e.Tile, e.Pe, e.Tiles, e.Utilization, e.Fits, e == chosen))
            .ToList();
        return new FloorplanChoice(chosen.Tile, chosen.Pe, candidates);
    }

    /// <summary>
    /// NeuroSim's PE design: keep the tile (2X subarrays a side), halve the PE side from X while it stays above 2,
    /// and keep a smaller PE when the used PEs' utilisation <c>Σ K·N / (PEs · weight slots per PE)</c> improves.
    /// </summary>
    private static (GridSpec Tile, GridSpec Pe, int Tiles, double Utilization, bool Fits) RefinePe(
        IReadOnlyList<MatrixLayer> layers,
        HardwareSpec spec,
        (GridSpec Tile, GridSpec Pe, int Tiles, double Utilization, bool Fits) chosen,
        List<(GridSpec Tile, GridSpec Pe, int Tiles, double Utilization, bool Fits)> evaluated)
    {
        var tileSide = chosen.Tile.Rows * chosen.Pe.Rows;
        var best = chosen;
        var bestPeUtilization = PeUtilization(layers, spec, chosen.Tile, chosen.Pe);
        for (var p = chosen.Pe.Rows / 2; p > 2; p /= 2)
        {
            var tile = new GridSpec(tileSide / p, tileSide / p);
            var pe = new GridSpec(p, p);
            var tiles = layers.Sum(l => LayerPartition.Of(l.K, l.N, spec.WeightRowsPerSubarray, spec.WeightColumnsPerSubarray, pe, tile).Tiles);
            var slots = (double)tiles * tile.Count * pe.Count * spec.WeightRowsPerSubarray * spec.WeightColumnsPerSubarray;
            var candidate = (tile, pe, tiles, layers.Sum(l => (double)l.Weights) / slots, spec.Chip.Tiles is null || tiles <= spec.Chip.Tiles.Count);
            evaluated.Add(candidate);
            var peUtilization = PeUtilization(layers, spec, tile, pe);
            if (peUtilization > bestPeUtilization && candidate.Item5)
            {
                best = candidate;
                bestPeUtilization = peUtilization;
            }
        }

        return best;
    }

    private static double PeUtilization(IReadOnlyList<MatrixLayer> layers, HardwareSpec spec, GridSpec tile, GridSpec pe)
    {
        var pes = layers.Sum(l =>
        {
            var part = LayerPartition.Of(l.K, l.N, spec.WeightRowsPerSubarray, spec.WeightColumnsPerSubarray, pe, tile);
            return (double)part.PeRows * part.PeColumns;
        });
        return layers.Sum(l => (double)l.Weights) / (pes * pe.Count * spec.WeightRowsPerSubarray * spec.WeightColumnsPerSubarray);
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
