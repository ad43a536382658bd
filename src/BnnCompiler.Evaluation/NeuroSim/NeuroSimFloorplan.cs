namespace BnnCompiler.Evaluation.NeuroSim;

/// <summary>
/// NeuroSim V1.3's automatic floorplan for its conventional (im2col) mapping in pipeline mode, as its `Chip.cpp`
/// describes it, so that a user sees beforehand how many tiles and copies NeuroSim will give each layer:
/// <list type="bullet">
/// <item>tile size: the widest layer's columns rounded up to a power of two (at least 4 subarrays), halved while it
/// stays above 4 subarrays and the chip's memory utilisation Σ K·N / (tiles · T²) strictly improves;</item>
/// <item>PE size: T/2, halved while above 2 subarrays and the utilisation counting in-tile copies strictly improves;</item>
/// <item>in-tile copies of a layer whose rows or columns fit a tile: ⌊PEs a side / PEs the matrix needs⌋ per axis
/// (at least 1), times the same for subarrays within a PE when the matrix fits a PE;</item>
/// <item>pipeline speed-up: degree d = min(speed-up degree, ⌊first IFM / smallest IFM of a k &gt; 1 layer⌋), bound
/// b = ⌈first IFM / d⌉, wanted copies ⌈(IFM / b)²⌉; tiles = ⌈K / T⌉ · ⌈wanted / in-tile copies⌉ · ⌈N / T⌉ and the
/// speed-up it reports is in-tile copies · ⌈wanted / in-tile copies⌉.</item>
/// </list>
/// </summary>
public static class NeuroSimFloorplan
{
    /// <summary>The floorplan of <paramref name="rows"/> on subarrays of <paramref name="subarrayRows"/> × <paramref name="subarrayColumns"/> cells.</summary>
    /// <returns>Null when NeuroSim refuses the network (widest layer narrower than 4 subarrays).</returns>
    public static NeuroSimFloorplanResult? Plan(IReadOnlyList<NeuroSimLayerRow> rows, int subarrayRows, int subarrayColumns, int speedUpDegree)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var k = rows.Select(r => (double)r.MatrixRows).ToArray();
        var n = rows.Select(r => (double)r.OutChannels).ToArray();
        var widest = n.Max(c => Math.Pow(2, Math.Ceiling(Math.Log2(c))));
        if (widest < 4 * subarrayRows)
        {
            return null;
        }

        double best = 0;
        var tile = Math.Max(widest, 4 * subarrayRows);
        for (var t = tile; t > 4 * subarrayRows; t /= 2)
        {
            var utilization = Utilization(k, n, t, t, subarrayRows, subarrayColumns, withCopies: false);
            if (utilization > best)
            {
                (best, tile) = (utilization, t);
            }
        }

        var pe = tile / 2;
        for (var p = tile / 2; p > 2 * subarrayRows; p /= 2)
        {
            var utilization = Utilization(k, n, tile, p, subarrayRows, subarrayColumns, withCopies: true);
            if (utilization > best)
            {
                (best, pe) = (utilization, p);
            }
        }

        var wanted = WantedCopies(rows, speedUpDegree);
        var tiles = new int[rows.Count];
        var speedUp = new int[rows.Count];
        var columnSpeedUp = new int[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var (peRow, peCol) = PeCopies(k[i], n[i], tile, pe);
            var (saRow, saCol) = SubarrayCopies(k[i], n[i], pe, subarrayRows, subarrayColumns);
            var inTile = peRow * peCol * saRow * saCol;
            var extra = Math.Ceiling(wanted[i] / inTile);
            tiles[i] = (int)(Math.Ceiling(k[i] / tile) * extra * Math.Ceiling(n[i] / tile));
            speedUp[i] = (int)(peRow * saRow * extra * peCol * saCol);
            columnSpeedUp[i] = (int)(peCol * saCol);
        }

        return new NeuroSimFloorplanResult((int)tile, (int)pe, tiles, speedUp) { ColumnSpeedUpPerLayer = columnSpeedUp };
    }

    private static double Utilization(double[] k, double[] n, double tile, double pe, int subarrayRows, int subarrayColumns, bool withCopies)
    {
        double tiles = 0;
        double cells = 0;
        for (var i = 0; i < k.Length; i++)
        {
            tiles += Math.Ceiling(k[i] / tile) * Math.Ceiling(n[i] / tile);
            var (r, c) = withCopies ? PeCopies(k[i], n[i], tile, pe) : (1, 1);
            cells += r * c * k[i] * n[i];
        }

        return cells / (tiles * tile * tile);
    }

    private static (double Row, double Column) PeCopies(double k, double n, double tile, double pe) =>
        Copies(k, n, tile, tile, pe, pe);

    private static (double Row, double Column) SubarrayCopies(double k, double n, double pe, int subarrayRows, int subarrayColumns) =>
        Copies(k, n, pe, pe, subarrayRows, subarrayColumns);

    /// <summary>Copies of a K × N matrix that fit a container of <paramref name="size"/> cells a side built of <paramref name="unitRows"/> × <paramref name="unitColumns"/> units, when the matrix fits it on one axis.</summary>
    private static (double Row, double Column) Copies(double k, double n, double fit, double size, double unitRows, double unitColumns)
    {
        if (k > fit && n > fit)
        {
            return (1, 1);
        }

        var row = Math.Floor(Math.Ceiling(size / unitRows) / Math.Ceiling(k / unitRows));
        var column = Math.Floor(Math.Ceiling(size / unitColumns) / Math.Ceiling(n / unitColumns));
        return (Math.Max(1, row), Math.Max(1, column));
    }

    private static double[] WantedCopies(IReadOnlyList<NeuroSimLayerRow> rows, int speedUpDegree)
    {
        var first = rows[0].IfmHeight;
        var smallest = rows.Where(r => r.KernelHeight != 1).Select(r => r.IfmHeight).DefaultIfEmpty(first).Min();
        smallest = Math.Min(smallest, first);
        var degree = Math.Max(1, Math.Min(speedUpDegree, first / smallest));
        var bound = Math.Ceiling((double)first / degree);
        return rows.Select(r => Math.Ceiling(Math.Pow(r.IfmHeight / bound, 2))).ToArray();
    }
}
