using BnnCompiler.Mapping.Cells;
using BnnCompiler.Mapping.Defects;

namespace BnnCompiler.Mapping.Repair;

/// <summary>
/// One block to repair: its geometry cells (what the naive mapping programs, row-major over the geometry) and the
/// fabricated subarray's stuck cells. A weight error is a programmed cell whose stuck state differs from it
/// (<see cref="SubarrayDefects.Conflicts"/>); the passes count them for a candidate placement.
/// </summary>
public sealed class RepairProblem
{
    public RepairProblem(CellGeometry geometry, CellState[] logical, SubarrayDefects defects, bool useSpares)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(logical);
        ArgumentNullException.ThrowIfNull(defects);
        Geometry = geometry;
        Logical = logical;
        Defects = defects;
        UseSpares = useSpares;
    }

    public CellGeometry Geometry { get; }

    public CellState[] Logical { get; }

    public SubarrayDefects Defects { get; }

    /// <summary>True when spare rows and column slots may be used.</summary>
    public bool UseSpares { get; }

    /// <summary>Physical rows the passes may choose from.</summary>
    public int CandidateRows => UseSpares ? Defects.Rows : Geometry.Rows;

    /// <summary>Physical column slots the passes may choose from.</summary>
    public int CandidateSlots(SubarrayRepair plan) => UseSpares ? plan.PhysicalSlots : plan.WeightSlots;

    /// <summary>
    /// Weight slots of the array proper, from the row drivers on, that a used column may take (the spare slots stay
    /// candidates too): all of them, or fewer when <c>repair.max_columns</c> keeps the row lines short.
    /// </summary>
    public int? ColumnWindow { get; init; }

    /// <summary>
    /// True when the wires drop voltage over less than half a row (<c>IrDropReadPlan.ShortDecay</c>): among placements with the fewest weight errors the passes then prefer used
    /// columns nearest the row drivers and used rows nearest the sense amplifiers (<see cref="IrDropObjective"/>).
    /// </summary>
    public bool IrDropAware { get; init; }

    /// <summary>True when geometry column <paramref name="column"/> holds a programmed cell in some row.</summary>
    public bool ColumnUsed(int column)
    {
        for (var r = 0; r < Geometry.Rows; r++)
        {
            if (At(r, column) != CellState.Empty)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when geometry row <paramref name="row"/> holds a programmed cell in some column.</summary>
    public bool RowUsed(int row) => Logical.AsSpan(row * Geometry.Columns, Geometry.Columns).ContainsAnyExcept(CellState.Empty);

    public CellState At(int row, int column) => Logical[(row * Geometry.Columns) + column];

    /// <summary>Weight errors of a placement: programmed cells stuck at the other state.</summary>
    public int Errors(SubarrayRepair plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var errors = 0;
        for (var r = 0; r < Geometry.Rows; r++)
        {
            for (var c = 0; c < Geometry.Columns; c++)
            {
                var state = SubarrayRepair.Programmed(At(r, c), plan.Flipped(c));
                if (state != CellState.Empty && SubarrayDefects.Conflicts(state, Defects.At(plan.RowOf[r], plan.PhysicalColumn(c))))
                {
                    errors++;
                }
            }
        }

        return errors;
    }
}
