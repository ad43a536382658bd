using BnnCompiler.Mapping.Cells;
using BnnCompiler.Mapping.Defects;

namespace BnnCompiler.Mapping.Repair;

/// <summary>
/// Assigns a block's weight columns to physical column slots (spare columns included when allowed) so that the fewest
/// programmed cells sit on stuck cells of the other state; a column's cost on a slot is the lesser of its two
/// encodings (as programmed, or flipped by <see cref="PairFlipPass"/>). Each column keeps its own ADC read-out wiring
/// through the column mux, so only the mux select changes. With IR drop the cost is <see cref="IrDropObjective"/>'s.
/// <code>
/// before: column c in slot c                 after: column c in slot σ(c), σ minimising Σ_c min(errors(c, σ(c)),
///   col 0 on slot 0: 3 errors                       errors(−c, σ(c))) (an assignment problem over slots and spares);
///   spare slot S: healthy, unused                    col 0 on spare slot S: 0 errors
/// </code>
/// </summary>
public static class ColumnAssignmentPass
{
    public static SubarrayRepair Apply(RepairProblem problem, SubarrayRepair plan)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(plan);
        var slots = plan.WeightSlots;
        var candidates = problem.CandidateSlots(plan);
        var cpw = problem.Geometry.ColumnsPerWeight;
        var cost = new long[slots * candidates];
        for (var c = 0; c < slots; c++)
        {
            var used = Enumerable.Range(c * cpw, cpw).Any(problem.ColumnUsed);
            for (var s = 0; s < candidates; s++)
            {
                var (asIs, flipped) = SlotErrors(problem, plan, c, s);
                cost[(c * candidates) + s] = IrDropObjective.Column(problem, plan, used, s, Math.Min(asIs, flipped));
            }
        }

        return plan with { SlotOf = AssignmentSolver.Solve(cost, slots, candidates) };
    }

    /// <summary>Errors of weight column <paramref name="column"/> placed in physical slot <paramref name="slot"/>, as programmed and flipped.</summary>
    public static (int AsIs, int Flipped) SlotErrors(RepairProblem problem, SubarrayRepair plan, int column, int slot)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(plan);
        var cpw = problem.Geometry.ColumnsPerWeight;
        var first = plan.SlotColumn(slot);
        int asIs = 0, flipped = 0;
        for (var r = 0; r < problem.Geometry.Rows; r++)
        {
            var row = plan.RowOf[r];
            for (var o = 0; o < cpw; o++)
            {
                var state = problem.At(r, (column * cpw) + o);
                if (state == CellState.Empty)
                {
                    continue;
                }

                var stuck = problem.Defects.At(row, first + o);
                asIs += SubarrayDefects.Conflicts(state, stuck) ? 1 : 0;
                flipped += SubarrayDefects.Conflicts(SubarrayRepair.Programmed(state, true), stuck) ? 1 : 0;
            }
        }

        return (asIs, flipped);
    }
}
