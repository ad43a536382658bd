using System.Text;
using BnnCompiler.Hardware;
using BnnCompiler.Isa.Repair;
using BnnCompiler.Mapping.Cells;
using static BnnCompiler.Isa.Text.TextNames;

namespace BnnCompiler.Isa.Text;

/// <summary>
/// Writes a program's repair plan after its stages (format version 3, docs/repair.md), a comment line naming each block
/// readably, then its <c>placement</c> line, one <c>cells</c> line per physical row that holds a programmed cell and one
/// <c>trim</c> line per calibrated row group:
/// <code>
/// repair mode=map+spares seed=1 trial=0 defects=chip.csv blocks=1
/// # fc1 block (0, 0): tile 3, PE 0, subarray 0; 2 rows and 5 columns moved, 1 column negated; weight errors 7 → 0 of 9 stuck cells
/// placement layer=fc1 copy=0 row_block=0 column_block=0 tile=3 pe=0 subarray=0 rows=136 columns=136 stuck=9 errors_naive=7 errors=0 row_of=… slot_of=… negated=17
/// cells 0 1001…
/// trim group=0 gain=128,131,… offset=0,-3,…
/// end
/// </code>
/// Cells: <c>1</c> On, <c>0</c> Off, <c>r</c> Reference, <c>.</c> Empty (trailing empty cells left out).
/// </summary>
internal static class RepairWriter
{
    public static void Write(StringBuilder sb, ProgramRepair repair)
    {
        sb.Append('\n');
        sb.Append($"repair mode={RepairModes.Word(repair.Mode)} seed={Int(repair.Seed)} trial={Int(repair.Trial)} defects={Quote(repair.Defects)} blocks={Int(repair.Blocks.Count)}\n");
        foreach (var b in repair.Blocks)
        {
            sb.Append(Comment(b)).Append('\n');
            sb.Append($"placement layer={Quote(b.Layer)} copy={Int(b.Copy)} row_block={Int(b.RowBlock)} column_block={Int(b.ColumnBlock)} tile={Int(b.Tile)} pe={Int(b.Pe)} subarray={Int(b.Subarray)}");
            if (b.MovedFrom is { } home)
            {
                sb.Append($" moved_from={Int(home)}");
            }

            sb.Append($" rows={Int(b.Rows)} columns={Int(b.Columns)} stuck={Int(b.StuckCells)} errors_naive={Int(b.NaiveErrors)} errors={Int(b.Errors)}");
            sb.Append($" row_of={List(b.RowOf)} slot_of={List(b.SlotOf)}");
            if (b.Negated.Count > 0)
            {
                sb.Append($" negated={List(b.Negated)}");
            }

            sb.Append('\n');
            for (var r = 0; r < b.Rows; r++)
            {
                var row = Row(b, r);
                if (row.Length > 0)
                {
                    sb.Append("cells ").Append(Int(r)).Append(' ').Append(row).Append('\n');
                }
            }

            foreach (var t in b.Trims)
            {
                sb.Append($"trim group={Int(t.Group)} gain={List(t.GainWords)} offset={List(t.OffsetWords)}\n");
            }

            sb.Append("end\n");
        }
    }

    /// <summary>The character of a cell state in a <c>cells</c> line.</summary>
    public static char Char(CellState state) => state switch
    {
        CellState.On => '1',
        CellState.Off => '0',
        CellState.Reference => 'r',
        _ => '.',
    };

    /// <summary>A human summary of one block's placement, written as a comment (the reader ignores it).</summary>
    private static string Comment(BlockPlacement b)
    {
        var where = b.MovedFrom is { } home
            ? $"tile {Int(b.Tile)}, PE {Int(b.Pe)}, subarray {Int(b.Subarray)} (a spare; moved from subarray {Int(home)})"
            : $"tile {Int(b.Tile)}, PE {Int(b.Pe)}, subarray {Int(b.Subarray)}";
        var rowsMoved = b.RowOf.Where((p, r) => p != r && Row(b, p).Length > 0).Count();
        var columnsMoved = b.SlotOf.Where((s, c) => s != c).Count();
        var trims = b.Trims.Count > 0 ? $"; {Int(b.Trims.Count)} calibrated row group{(b.Trims.Count == 1 ? string.Empty : "s")}" : string.Empty;
        var copy = b.Copy == 0 ? string.Empty : $" of copy {Int(b.Copy)}";
        return $"# {Quote(b.Layer)} block ({Int(b.RowBlock)}, {Int(b.ColumnBlock)}){copy}: {where}; {Int(rowsMoved)} used rows and {Int(columnsMoved)} columns moved, " +
            $"{Int(b.Negated.Count)} column{(b.Negated.Count == 1 ? string.Empty : "s")} negated; weight errors {Int(b.NaiveErrors)} naive, {Int(b.Errors)} left ({Int(b.StuckCells)} stuck cells){trims}";
    }

    private static string Row(BlockPlacement b, int row)
    {
        var chars = new char[b.Columns];
        var length = 0;
        for (var c = 0; c < b.Columns; c++)
        {
            chars[c] = Char(b.At(row, c));
            if (chars[c] != '.')
            {
                length = c + 1;
            }
        }

        return new string(chars, 0, length);
    }
}
