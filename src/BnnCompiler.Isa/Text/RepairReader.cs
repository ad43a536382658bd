using System.Globalization;
using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Hardware;
using BnnCompiler.Isa.Repair;
using BnnCompiler.Mapping.Cells;

namespace BnnCompiler.Isa.Text;

/// <summary>
/// Reads the repair plan of a version-3 program (<see cref="RepairWriter"/>): the <c>repair</c> line, then
/// <c>placement</c> blocks of <c>cells</c> and <c>trim</c> lines closed by <c>end</c>. Every problem is a diagnostic at
/// its line and column (BNN6002 to BNN6005), collected with the rest of the file's.
/// </summary>
internal sealed class RepairReader(string file, DiagnosticBag bag)
{
    /// <summary>Most cells one placement may hold (a subarray of 4,096 × 4,096 cells).</summary>
    public const long MaxCells = 1L << 24;

    private readonly List<BlockPlacement> _blocks = [];
    private (RepairMode Mode, int Seed, int Trial, string Defects, int Blocks, int Line)? _repair;
    private BlockPlacement? _open;
    private CellState[]? _cells;
    private List<RowGroupTrim>? _trims;
    private int _nextRow;
    private int _openLine;

    /// <summary>True once the <c>repair</c> line has been read: nothing but the plan may follow.</summary>
    public bool Started => _repair is not null;

    /// <summary>True while a placement block is open (its <c>end</c> belongs here).</summary>
    public bool InPlacement => _open is not null;

    public static bool Takes(string head) => head is "repair" or "placement" or "cells" or "trim";

    /// <summary>One line whose head <see cref="Takes"/>, or the <c>end</c> of an open placement.</summary>
    public void Line(int line, List<Token> tokens, int version)
    {
        var head = tokens[0];
        if (head.Text == "cells")
        {
            Cells(line, tokens);
            return;
        }

        var f = new FieldSet(file, line, head.Text, tokens.Skip(1), bag);
        switch (head.Text)
        {
            case "repair":
                RepairLine(line, head, f, version);
                break;
            case "placement":
                Placement(line, head, f);
                break;
            case "trim":
                Trim(line, head, f);
                break;
            default:
                End();
                break;
        }

        f.ReportUnused();
    }

    /// <summary>The plan read, or null when the file has no <c>repair</c> line; reports what is left open or missing.</summary>
    public ProgramRepair? Finish(int lines)
    {
        if (_open is not null)
        {
            Error(IsaCodes.Structure, lines, 1, $"the placement opened on line {_openLine} has no 'end'");
            End();
        }

        if (_repair is not { } r)
        {
            return null;
        }

        if (r.Blocks != _blocks.Count)
        {
            Error(IsaCodes.Structure, r.Line, 1, $"the repair line announces {r.Blocks} placement(s); the file holds {_blocks.Count}");
        }

        return new ProgramRepair(r.Mode, r.Seed, r.Trial, r.Defects, _blocks.ToValueList());
    }

    private void RepairLine(int line, Token head, FieldSet f, int version)
    {
        if (version != MappedProgram.RepairFormatVersion)
        {
            Error(IsaCodes.Structure, line, head.Column, $"a repair plan needs format version {MappedProgram.RepairFormatVersion} ('{ProgramWriter.Header} {MappedProgram.RepairFormatVersion}'); this file is version {version}");
        }

        if (_repair is not null || _open is not null)
        {
            Error(IsaCodes.Structure, line, head.Column, "'repair' may appear only once, after the stages");
        }

        var word = f.String("mode");
        var mode = RepairModes.All.FirstOrDefault(m => RepairModes.Word(m) == word);
        if (RepairModes.Word(mode) != word)
        {
            Error(IsaCodes.Value, line, f.ColumnOf("mode"), $"mode must be one of {string.Join(", ", RepairModes.All.Select(RepairModes.Word))}; got '{word}'");
        }

        _repair = (mode, f.Int("seed"), f.Int("trial"), f.String("defects"), f.Int("blocks"), line);
    }

    private void Placement(int line, Token head, FieldSet f)
    {
        if (_repair is null || _open is not null)
        {
            Error(IsaCodes.Structure, line, head.Column, _repair is null ? "'placement' before the 'repair' line" : $"'placement' inside the placement opened on line {_openLine}");
        }

        var (rows, columns) = (f.Int("rows", 1), f.Int("columns", 1));
        var placement = new BlockPlacement
        {
            Layer = f.String("layer"),
            Copy = f.Int("copy"),
            RowBlock = f.Int("row_block"),
            ColumnBlock = f.Int("column_block"),
            Tile = f.Int("tile"),
            Pe = f.Int("pe"),
            Subarray = f.Int("subarray"),
            MovedFrom = f.Has("moved_from") ? f.Int("moved_from") : null,
            Rows = rows,
            Columns = columns,
            StuckCells = f.Long("stuck"),
            NaiveErrors = f.Long("errors_naive"),
            Errors = f.Long("errors"),
            RowOf = f.IntList("row_of"),
            SlotOf = f.IntList("slot_of"),
            Negated = f.IntList("negated", required: false),
            Cells = ValueList<CellState>.Empty,
            Trims = ValueList<RowGroupTrim>.Empty,
        };
        Check(line, f, "row_of", placement.RowOf, rows, "physical rows of the subarray");
        Check(line, f, "slot_of", placement.SlotOf, int.MaxValue, "column slots");
        Check(line, f, "negated", placement.Negated, placement.SlotOf.Count, "weight columns of slot_of");
        if (placement.Negated.Zip(placement.Negated.Skip(1)).Any(p => p.First >= p.Second))
        {
            Error(IsaCodes.Value, line, f.ColumnOf("negated"), "negated must list weight columns in ascending order");
        }

        var cells = (long)rows * columns;
        if (cells > MaxCells)
        {
            Error(IsaCodes.Value, line, f.ColumnOf("rows"), $"a subarray of {rows} x {columns} cells is larger than a program holds ({MaxCells} cells)");
        }

        (_open, _openLine, _nextRow) = (placement, line, 0);
        _cells = new CellState[cells > MaxCells ? 0 : cells];
        _trims = [];
    }

    private void Cells(int line, List<Token> tokens)
    {
        if (_open is not { } p)
        {
            Error(IsaCodes.Structure, line, tokens[0].Column, "'cells' outside a placement block");
            return;
        }

        if (tokens.Count != 3 || !int.TryParse(tokens[1].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var row))
        {
            Error(IsaCodes.Syntax, line, tokens[0].Column, "a cells line is 'cells ROW STATES', e.g. 'cells 0 10.01r' (1 on, 0 off, r reference, . empty)");
            return;
        }

        if (_cells!.Length == 0)
        {
            return;
        }

        if (row < _nextRow || row >= p.Rows)
        {
            Error(IsaCodes.Structure, line, tokens[1].Column, $"cells row {row} out of order or outside the subarray; expected a row from {_nextRow} to {p.Rows - 1}");
            return;
        }

        var states = tokens[2].Text;
        if (states.Length > p.Columns)
        {
            Error(IsaCodes.Value, line, tokens[2].Column, $"cells row {row} has {states.Length} cells; the subarray has {p.Columns} columns");
            return;
        }

        for (var c = 0; c < states.Length; c++)
        {
            if (State(states[c]) is not { } state)
            {
                Error(IsaCodes.Value, line, tokens[2].Column + c, $"cell state '{states[c]}' is not one of 1 (on), 0 (off), r (reference), . (empty)");
                return;
            }

            _cells[(row * p.Columns) + c] = state;
        }

        _nextRow = row + 1;
    }

    private void Trim(int line, Token head, FieldSet f)
    {
        if (_open is null)
        {
            Error(IsaCodes.Structure, line, head.Column, "'trim' outside a placement block");
        }

        var group = f.Int("group");
        var gain = f.IntList("gain");
        var offset = f.IntList("offset", signed: true);
        if (_trims is { } trims && group != trims.Count)
        {
            Error(IsaCodes.Structure, line, f.ColumnOf("group"), $"trim group {group} out of sequence; expected {trims.Count}");
        }

        if (gain.Any(g => g is < 1 or > 255) || offset.Any(o => o is < -128 or > 127) || gain.Count != offset.Count)
        {
            Error(IsaCodes.Value, line, f.ColumnOf("gain"), "a trim line gives one gain word (1 to 255) and one offset word (-128 to 127) per column");
        }

        _trims?.Add(new RowGroupTrim(group, gain, offset));
    }

    private void End()
    {
        if (_open is { } p)
        {
            _blocks.Add(p with { Cells = _cells!.ToValueList(), Trims = _trims!.ToValueList() });
        }

        (_open, _cells, _trims) = (null, null, null);
    }

    private void Check(int line, FieldSet f, string key, ValueList<int> values, int bound, string what)
    {
        if (values.Any(v => v >= bound) || values.Distinct().Count() != values.Count)
        {
            Error(IsaCodes.Value, line, f.ColumnOf(key), $"{key} must list {what}, each at most once{(bound == int.MaxValue ? string.Empty : $" and below {bound}")}");
        }
    }

    private static CellState? State(char ch) => ch switch
    {
        '1' => CellState.On,
        '0' => CellState.Off,
        'r' => CellState.Reference,
        '.' => CellState.Empty,
        _ => null,
    };

    private void Error(string code, int line, int column, string message) => bag.Error(code, message, new SourceLocation(file, line, column));
}
