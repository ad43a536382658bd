using BnnCompiler.Core.Ir.Nodes;
using BnnCompiler.Hardware;
using BnnCompiler.Mapping.Cells;
using BnnCompiler.Mapping.Defects;
using BnnCompiler.Mapping.Repair;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// The analog contents of one binary layer in one trial, in the count domain (one On cell at V_read = 1).
/// Every subarray (row block b × column block) is built cell by cell: nominal state from the weight and
/// <see cref="CellGeometry"/> (On/Off, the reference column, empty cells Off), the trial's conductance
/// (<see cref="AnalogDeviceModels.Conductance"/>), then the IR-drop effective conductance
/// (<see cref="IrDropModel"/>). Per weight row r of block b and output column n the column count is
/// <c>Σ_valid rows [x_r ? U : V] + (differential ? #(−1 weights on valid rows) : 0)</c>, stored as
/// Diff = U − V and Base = V:
/// <list type="bullet">
/// <item>two cells, pair in rows: U = E(positive cell), V = E(negative cell) (input or complement drives one of the two rows);</item>
/// <item>two cells, pair in columns: U = E(positive) − E(negative), V = 0 (row driven when the bit is 1; the two columns subtracted);</item>
/// <item>one cell + reference: U = 2·(E(cell) − E(reference cell of the row)), V = 0.</item>
/// </list>
/// With ideal devices U − V = ±1 and Base = 1 for −1 weights (rows) or U = ±1 (the others), so the count is the
/// match count m exactly. Read-noise variances (Σ E² of the driven cells) are kept the same way.
/// </summary>
public sealed class AnalogLayerWeights
{
    public AnalogLayerWeights(BinaryLinearNode node, HardwareSpec spec, AnalogDeviceModels models, int trial, IDefectSource? defects = null, SpareSubarrayPool? spares = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(models);
        var k = node.Layout.Rows;
        var n = node.Layout.Columns;
        var geometry = CellGeometry.From(spec);
        var subarrayRows = spec.WeightRowsPerSubarray;
        RowsPerBlock = spec.WeightRowsPerRead;
        var groups = subarrayRows / RowsPerBlock;
        var subarrayBlocks = (k + subarrayRows - 1) / subarrayRows;
        var columnsPerBlock = spec.WeightColumnsPerSubarray;
        Blocks = (k + RowsPerBlock - 1) / RowsPerBlock;
        var columnBlocks = (n + columnsPerBlock - 1) / columnsPerBlock;
        Columns = n;
        RowBlocks = subarrayBlocks;
        Differential = geometry.PairLayout == PairLayout.Columns || !geometry.IsTwoCell;
        Diff = new float[Blocks][];
        Base = new float[Blocks][];
        BaseSum = new float[Blocks][];
        var noise = models.ReadNoise.IsActive;
        DiffSquares = noise ? new float[Blocks][] : null;
        BaseSquares = noise ? new float[Blocks][] : null;
        Adcs = new AdcInstance[Blocks * n];
        var physicalRows = spec.Subarray.PhysicalRows;
        var physicalColumns = spec.Subarray.PhysicalColumns;
        var seed = spec.NonIdealities.Seed;
        var g = new double[physicalRows * physicalColumns];
        var signs = new int[Blocks * n];
        Array.Fill(signs, 1);
        var repair = RepairCounts.Zero;
        var placed = new List<PlacedBlock>();
        for (var read = 0; read < Blocks; read++)
        {
            var rowCount = Math.Min(RowsPerBlock, k - (read * RowsPerBlock));
            Diff[read] = new float[rowCount * n];
            Base[read] = new float[rowCount * n];
            BaseSum[read] = new float[n];
            if (noise)
            {
                DiffSquares![read] = new float[rowCount * n];
                BaseSquares![read] = new float[rowCount * n];
            }
        }

        for (var b = 0; b < subarrayBlocks; b++)
        {
            var rowStart = b * subarrayRows;
            var rowCount = Math.Min(subarrayRows, k - rowStart);
            for (var cb = 0; cb < columnBlocks; cb++)
            {
                var columnStart = cb * columnsPerBlock;
                var columnCount = Math.Min(columnsPerBlock, n - columnStart);
                var states = States(node.Signs, k, geometry, rowStart, rowCount, columnStart, columnCount);
                var draws = CellDraws.Draw(AnalogStreams.Cells(seed, trial, node.Name, b, cb), g.Length);
                var stuck = defects?.For(node.Name, b, cb) ?? draws.Defects(models.StuckAt, physicalRows, physicalColumns);
                var (plan, counts) = RepairPlanner.PlanBlock(spec, geometry, states, stuck, spec.Repair.UsesSpares);
                var adcs = AnalogStreams.Adcs(seed, trial, node.Name, b, cb);
                var spare = spec.Repair.UsesSpares ? spares?.Claim(node.Name, b, cb) : null;
                if (spare is not null)
                {
                    // The block moves onto a spare subarray of its PE: the spare's cells, ADCs and plan.
                    (draws, stuck, plan) = (spare.Draws, spare.Defects, spare.Plan);
                    adcs = AnalogStreams.SpareAdcs(seed, trial, spare.Tile, spare.Pe, spare.Index);
                    counts = counts with { RepairedErrors = spare.Counts.RepairedErrors, MovedBlocks = 1 };
                }

                repair = repair.Add(counts);
                placed.Add(new PlacedBlock(b, cb, plan, spare, counts));
                var cells = plan.Place(states);
                for (var i = 0; i < g.Length; i++)
                {
                    g[i] = models.Conductance(Nominal(cells[i], models.OnOff), draws.Variation[i], stuck.Cells[i], draws.Drift[i]);
                }

                var e = models.WireResistanceOhm > 0 ? IrDropModel.Effective(g, physicalRows, physicalColumns, models.WireConductance) : g;
                var instances = Enumerable.Range(0, spec.AdcsPerSubarray)
                    .Select(_ => models.Adc.HasStaticErrors ? models.Adc.Draw(adcs) : AdcInstance.Ideal).ToArray();
                for (var first = 0; first < rowCount; first += RowsPerBlock)
                {
                    // Each group of rows read together is its own conversion: a read block of the kernel.
                    var read = (b * groups) + (first / RowsPerBlock);
                    Fill(read, first, Math.Min(RowsPerBlock, rowCount - first), columnStart, columnCount, plan, e, physicalColumns);
                    for (var c = 0; c < columnCount; c++)
                    {
                        var physical = plan.PhysicalColumn(geometry.PositiveCell(0, c).Column);
                        Adcs[(read * n) + columnStart + c] = instances[physical / spec.MuxInputsPerAdc];
                        signs[(read * n) + columnStart + c] = plan.Flip[c] ? -1 : 1;
                    }
                }
            }
        }

        ColumnSigns = signs;
        HasFlips = signs.Any(x => x < 0);
        Repair = repair;
        Placements = placed;
    }

    /// <summary>Every block's plan on the trial's chip, in row block, then column block order.</summary>
    public IReadOnlyList<PlacedBlock> Placements { get; }

    /// <summary>
    /// Weight rows of one read block: the rows driven together in one read (<see cref="HardwareSpec.WeightRowsPerRead"/>);
    /// a subarray's block of rows is read in <c>subarray.rows / subarray.parallel_rows</c> such groups, each converted
    /// on its own, and the IR drop of each group's cells is that of the whole fabricated subarray.
    /// </summary>
    public int RowsPerBlock { get; }

    /// <summary>Per [block · N + column]: +1, or −1 when repair stores that block's column negated (its partial sum is subtracted).</summary>
    public int[] ColumnSigns { get; }

    /// <summary>True when some block's column is stored negated.</summary>
    public bool HasFlips { get; }

    /// <summary>Stuck cells, weight errors of the naive mapping and those left after repair, over the layer's blocks.</summary>
    public RepairCounts Repair { get; }

    /// <summary>The layer's weights as the cells hold them: each block's flipped columns negated.</summary>
    public sbyte[] StoredSigns(BinaryLinearNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var k = node.Layout.Rows;
        var stored = (sbyte[])node.Signs.Clone();
        for (var b = 0; b < Blocks; b++)
        {
            var rowStart = b * RowsPerBlock;
            var rowEnd = Math.Min(k, rowStart + RowsPerBlock);
            for (var col = 0; col < Columns; col++)
            {
                if (ColumnSigns[(b * Columns) + col] < 0)
                {
                    for (var r = rowStart; r < rowEnd; r++)
                    {
                        stored[((long)col * k) + r] = (sbyte)-stored[((long)col * k) + r];
                    }
                }
            }
        }

        return stored;
    }

    /// <summary>Read blocks: every row group of every row block, each converted on its own.</summary>
    public int Blocks { get; }

    /// <summary>The mapper's row blocks (one subarray's rows each), each read in one or more <see cref="Blocks"/>.</summary>
    public int RowBlocks { get; }

    public int Columns { get; }

    /// <summary>True when the count adds the −1 weights of the valid rows digitally (pair in columns, reference mode).</summary>
    public bool Differential { get; }

    /// <summary>Per block: U − V, [local row, column] row-major.</summary>
    public float[][] Diff { get; }

    /// <summary>Per block: V, [local row, column] row-major.</summary>
    public float[][] Base { get; }

    /// <summary>Per block: Σ over the block's rows of V, per column (the base when every row is valid).</summary>
    public float[][] BaseSum { get; }

    /// <summary>Per block: read-noise variance U² − V² terms, or null without read noise.</summary>
    public float[][]? DiffSquares { get; }

    /// <summary>Per block: read-noise variance V² terms, or null without read noise.</summary>
    public float[][]? BaseSquares { get; }

    /// <summary>The ADC instance serving (block, column), [block · N + column].</summary>
    public AdcInstance[] Adcs { get; }

    /// <summary>
    /// One subarray's cell conductances in a trial (G_on units, row-major like <paramref name="states"/>): per cell,
    /// in row-major order, three draws from <paramref name="cells"/> (variation z, stuck-at u, drift z), then
    /// <see cref="AnalogDeviceModels.Conductance"/> of the state's nominal conductance (empty cells are Off).
    /// </summary>
    public static void Conductances(ReadOnlySpan<CellState> states, AnalogDeviceModels models, Core.Randomness.SplitMix64 cells, Span<double> g)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(cells);
        for (var i = 0; i < states.Length; i++)
        {
            var zv = cells.NextGaussian();
            var u = cells.NextDouble();
            var zd = cells.NextGaussian();
            g[i] = models.Conductance(Nominal(states[i], models.OnOff), zv, u, zd);
        }
    }

    private static double Nominal(CellState state, OnOffRatioModel onOff) => state switch
    {
        CellState.On => OnOffRatioModel.OnConductance,
        CellState.Reference => onOff.ReferenceConductance,
        _ => onOff.OffConductance,
    };

    private static CellState[] States(sbyte[] signs, int k, CellGeometry geometry, int rowStart, int rowCount, int columnStart, int columnCount)
    {
        var states = new CellState[geometry.Rows * geometry.Columns];
        for (var c = 0; c < columnCount; c++)
        {
            for (var r = 0; r < rowCount; r++)
            {
                var positive = signs[((long)(columnStart + c) * k) + rowStart + r] > 0;
                var p = geometry.PositiveCell(r, c);
                states[(p.Row * geometry.Columns) + p.Column] = positive ? CellState.On : CellState.Off;
                if (geometry.NegativeCell(r, c) is { } q)
                {
                    states[(q.Row * geometry.Columns) + q.Column] = positive ? CellState.Off : CellState.On;
                }
            }
        }

        if (geometry.ReferenceColumn is { } reference)
        {
            for (var r = 0; r < rowCount; r++)
            {
                states[(r * geometry.Columns) + reference] = CellState.Reference;
            }
        }

        return states;
    }

    /// <summary>Read block <paramref name="b"/>: the subarray's geometry rows <paramref name="first"/> onwards.</summary>
    private void Fill(int b, int first, int rowCount, int columnStart, int columnCount, SubarrayRepair plan, double[] e, int physicalColumns)
    {
        var geometry = plan.Geometry;
        var n = Columns;
        var diff = Diff[b];
        var baseRow = Base[b];
        var sum = BaseSum[b];
        for (var r = 0; r < rowCount; r++)
        {
            for (var c = 0; c < columnCount; c++)
            {
                var p = plan.Physical(geometry.PositiveCell(first + r, c));
                var ep = e[(p.Row * physicalColumns) + p.Column];
                double u, v, uq, vq;
                if (geometry.NegativeCell(first + r, c) is { } negative)
                {
                    var q = plan.Physical(negative);
                    var en = e[(q.Row * physicalColumns) + q.Column];
                    (u, v, uq, vq) = geometry.PairLayout == PairLayout.Rows
                        ? (ep, en, ep * ep, en * en)
                        : (ep - en, 0.0, (ep * ep) + (en * en), 0.0);
                }
                else
                {
                    var er = e[(plan.RowOf[first + r] * physicalColumns) + geometry.ReferenceColumn!.Value];
                    (u, v, uq, vq) = (2 * (ep - er), 0.0, 4 * ((ep * ep) + (er * er)), 0.0);
                }

                var at = (r * n) + columnStart + c;
                diff[at] = (float)(u - v);
                baseRow[at] = (float)v;
                sum[columnStart + c] += (float)v;
                if (DiffSquares is not null)
                {
                    DiffSquares[b][at] = (float)(uq - vq);
                    BaseSquares![b][at] = (float)vq;
                }
            }
        }
    }
}
