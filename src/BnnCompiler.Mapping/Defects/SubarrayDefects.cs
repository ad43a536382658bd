using BnnCompiler.Mapping.Cells;

namespace BnnCompiler.Mapping.Defects;

/// <summary>
/// The stuck cells of one fabricated subarray (spare rows and columns included), row-major over
/// <see cref="Rows"/> × <see cref="Columns"/> physical cells.
/// </summary>
public sealed class SubarrayDefects
{
    private readonly StuckState[] _cells;

    public SubarrayDefects(int rows, int columns, StuckState[] cells)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != rows * columns)
        {
            throw new ArgumentException($"{cells.Length} cells for a {rows}x{columns} subarray", nameof(cells));
        }

        Rows = rows;
        Columns = columns;
        _cells = cells;
        Count = cells.Count(c => c != StuckState.None);
    }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>Stuck cells in the subarray.</summary>
    public int Count { get; }

    public StuckState At(int row, int column) => _cells[(row * Columns) + column];

    /// <summary>The whole grid, row-major.</summary>
    public ReadOnlySpan<StuckState> Cells => _cells;

    /// <summary>A subarray without defects.</summary>
    public static SubarrayDefects None(int rows, int columns) => new(rows, columns, new StuckState[rows * columns]);

    /// <summary>True when a cell programmed to <paramref name="programmed"/> does not hold it because it is stuck.</summary>
    public static bool Conflicts(CellState programmed, StuckState stuck) => stuck switch
    {
        StuckState.On => programmed is CellState.Off or CellState.Reference,
        StuckState.Off => programmed is CellState.On or CellState.Reference,
        _ => false,
    };
}
