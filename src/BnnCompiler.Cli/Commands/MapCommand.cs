using System.Globalization;
using System.Text.Json;
using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Cli.Output;
using BnnCompiler.Hardware;
using BnnCompiler.Mapping;
using BnnCompiler.Reports.Schemas;

namespace BnnCompiler.Cli.Commands;

/// <summary>
/// <c>bnnc map MODEL [--hw SPEC] [--set k=v ...] [--json] [--chip]</c>: maps the model's binarized layers onto the
/// chip's crossbars and prints, per layer, the matrix, blocks, PEs, tiles, copies, utilisation and stage load,
/// then the floorplan and chip totals.
/// </summary>
public static class MapCommand
{
    public static CliCommand Command { get; } = new(
        "map",
        "partition, duplicate and place a model's binarized layers on a crossbar chip",
        "bnnc map MODEL [--hw SPEC] [--set key.path=value ...] [--adc-bits A] [--input-bits B] [--json] [--chip]",
        [
            .. HardwareOptions.All,
            new OptionSpec("json", "print JSON instead of tables", TakesValue: false),
            new OptionSpec("chip", "also draw the chip's tile grid (stage number of each tile)", TakesValue: false),
            .. ModelOptions.All,
        ],
        1,
        Run);

    private static int Run(ParsedArguments args, TextWriter output)
    {
        var model = ModelOptions.Load(args, "map");
        var spec = HardwareOptions.Load(args, "map");
        var mapping = CrossbarMapper.Map(model.Graph, spec);
        if (args.Has("json"))
        {
            output.WriteLine(Json.Serialize(ReportSchemas.Stamp(ReportSchemas.Map, JsonSerializer.SerializeToNode(Report(model.Path, mapping), Json.Options))));
            return 0;
        }

        WriteText(output, model.Path, mapping, args.Has("chip"));
        return 0;
    }

    private static void WriteText(TextWriter output, string modelPath, ChipMapping m, bool drawChip)
    {
        var spec = m.Spec;
        var f = m.Floorplan;
        output.WriteLine($"model      {modelPath}");
        output.WriteLine($"hardware   {spec.SourcePath}{(spec.Name is null ? string.Empty : $" ({spec.Name})")}");
        output.WriteLine($"subarray   {f.SubarrayRows}x{f.SubarrayColumns} cells, {Name(spec.Weights.Mode)}{(spec.Weights.CellsPerWeight == 2 ? $" (pair in {Name(spec.Weights.PairLayout)})" : string.Empty)}: {f.WeightRowsPerSubarray}x{f.WeightColumnsPerSubarray} weights");
        output.WriteLine($"floorplan  chip {Grid(f.Tiles)} tiles{Auto(spec.Chip.Tiles)}, tile {Grid(f.PesPerTile)} PEs{Auto(spec.Tile.Pes)}, PE {Grid(f.SubarraysPerPe)} subarrays{Auto(spec.Pe.Subarrays)}: {f.WeightRowsPerTile}x{f.WeightColumnsPerTile} weights a tile");
        if (f.Candidates.Count > 0)
        {
            output.WriteLine("           tried: " + string.Join(" | ", f.Candidates.Select(c =>
                Invariant($"tile {Grid(c.PesPerTile)} PEs of {Grid(c.SubarraysPerPe)}: {c.Tiles} tiles, {c.Utilization:P1}{(c.Fits ? string.Empty : " (does not fit)")}{(c.Chosen ? " (chosen)" : string.Empty)}"))));
        }

        var dup = spec.Pipeline.Duplication;
        output.WriteLine($"schedule   {Name(spec.Pipeline.Mode)}, {(dup.Mode == DuplicationMode.Fixed ? $"fixed duplication {dup.Degree}" : $"auto duplication (at most {dup.MaxCopies} copies, tile budget {dup.TileBudget?.ToString(CultureInfo.InvariantCulture) ?? "unlimited"})")}, {spec.SensingCyclesPerInputBit} sensing cycles per input bit");
        output.WriteLine();

        var table = new TextTable("#", "layer", "kind", "K x N", "pixels", "in bits", "blocks", "subarrays/copy", "PEs/copy", "tiles/copy", "copies", "tiles", "util sub", "util tile", "partial sums", "stage cycles", "digital ops");
        foreach (var l in m.Layers)
        {
            table.Add(l.Index, l.Name, l.Kind == Core.Analysis.LayerKinds.Binary ? "binary" : "n-bit input", $"{l.Rows}x{l.Columns}", N(l.OutputPixels),
                l.InputBits, $"{l.RowBlocks}x{l.ColumnBlocks}", l.BlocksPerCopy, l.PesPerCopy, l.TilesPerCopy, l.Copies, l.Tiles,
                Invariant($"{l.SubarrayUtilization:P1}"), Invariant($"{l.TileUtilization:P1}"), Name(l.Accumulation), N(l.StageCycles), l.DigitalOps.Count);
        }

        output.Write(table);
        output.WriteLine();
        var t = m.Totals;
        output.WriteLine(Invariant($"tiles      {t.TilesUsed:N0} used of {t.ChipTiles:N0} ({Grid(f.Tiles)}); {t.PesUsed:N0} PEs, {t.SubarraysUsed:N0} subarrays"));
        output.WriteLine(Invariant($"weights    {t.Weights:N0} (copies included) in {t.CellsUsed:N0} cells; utilisation {t.SubarrayUtilization:P1} of used subarrays, {t.TileUtilization:P1} of used tiles, {t.ChipUtilization:P1} of the chip"));
        var s = m.Schedule;
        output.WriteLine(Invariant($"stages     slowest {m.Layers[s.SlowestStage].Name} {s.SlowestStageCycles:N0} sensing cycles; sum {s.TotalStageCycles:N0}; one image every {s.ImageIntervalCycles:N0} cycles"));
        var b = f.Buffers;
        output.WriteLine(Invariant($"buffers    global {b.GlobalBufferKib:0.###} KiB, tile in/out {b.TileInputKib:0.###}/{b.TileOutputKib:0.###} KiB, PE in/out {b.PeInputKib:0.###}/{b.PeOutputKib:0.###} KiB, PE adder tree {b.PeAdderTreeBits} bits"));
        if (m.InputOps.Count > 0)
        {
            output.WriteLine($"chip ops   {string.Join(", ", m.InputOps.Select(o => $"{o.Name} ({o.Op})"))}");
        }

        foreach (var w in m.Warnings)
        {
            output.WriteLine(w);
        }

        if (drawChip)
        {
            output.WriteLine();
            DrawChip(output, m);
        }
    }

    /// <summary>The tile grid, one cell per tile: the stage number of its layer, '.' for an empty tile.</summary>
    private static void DrawChip(TextWriter output, ChipMapping m)
    {
        var width = Math.Max(2, (m.Layers.Count - 1).ToString(CultureInfo.InvariantCulture).Length);
        var cells = new string[m.Floorplan.Tiles.Rows, m.Floorplan.Tiles.Columns];
        var stage = m.Layers.ToDictionary(l => l.Name, l => l.Stage);
        foreach (var tile in m.Tiles)
        {
            cells[tile.GridRow, tile.GridColumn] = stage[tile.Layer].ToString(CultureInfo.InvariantCulture);
        }

        for (var r = 0; r < cells.GetLength(0); r++)
        {
            var row = Enumerable.Range(0, cells.GetLength(1)).Select(c => (cells[r, c] ?? ".").PadLeft(width));
            output.WriteLine(string.Join(" ", row));
        }
    }

    private static object Report(string modelPath, ChipMapping m) => new
    {
        Model = modelPath,
        Hardware = m.Spec.SourcePath,
        HardwareName = m.Spec.Name,
        WeightMapping = Name(m.Spec.Weights.Mode),
        PairLayout = Name(m.Spec.Weights.PairLayout),
        Floorplan = new
        {
            m.Floorplan.Tiles,
            m.Floorplan.PesPerTile,
            m.Floorplan.SubarraysPerPe,
            m.Floorplan.SubarrayRows,
            m.Floorplan.SubarrayColumns,
            m.Floorplan.WeightRowsPerSubarray,
            m.Floorplan.WeightColumnsPerSubarray,
            m.Floorplan.WeightRowsPerTile,
            m.Floorplan.WeightColumnsPerTile,
            m.Floorplan.Buffers,
            m.Floorplan.Candidates,
        },
        Schedule = new
        {
            Mode = Name(m.Schedule.Mode),
            SlowestStage = m.Layers[m.Schedule.SlowestStage].Name,
            m.Schedule.SlowestStageCycles,
            m.Schedule.TotalStageCycles,
            m.Schedule.ImageIntervalCycles,
        },
        Layers = m.Layers.Select(l => new
        {
            l.Index,
            l.Name,
            l.Origin,
            l.Kind,
            l.Rows,
            l.Columns,
            l.OutputPixels,
            InputEncoding = l.InputEncoding.Describe(),
            l.InputBits,
            l.RowBlocks,
            l.ColumnBlocks,
            l.BlocksPerCopy,
            l.PeRows,
            l.PeColumns,
            l.PesPerCopy,
            l.TileRows,
            l.TileColumns,
            l.TilesPerCopy,
            l.Copies,
            l.Subarrays,
            l.Pes,
            l.Tiles,
            l.TileIds,
            SubarrayUtilization = Math.Round(l.SubarrayUtilization, 6),
            TileUtilization = Math.Round(l.TileUtilization, 6),
            Accumulation = Name(l.Accumulation),
            l.Stage,
            l.StageCycles,
            m.Schedule.Stages[l.Index].ReadsFrom,
            DigitalOps = l.DigitalOps.Select(o => new { o.Name, o.Op }),
        }),
        InputOps = m.InputOps.Select(o => new { o.Name, o.Op }),
        m.Totals,
        Warnings = m.Warnings.Select(w => w.ToString()),
    };

    private static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static string Grid(GridSpec g) => $"{g.Rows}x{g.Columns}";

    private static string Auto(GridSpec? specGrid) => specGrid is null ? " (auto)" : string.Empty;

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
