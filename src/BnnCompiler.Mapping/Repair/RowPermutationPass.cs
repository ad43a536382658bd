using BnnCompiler.Mapping.Cells;
using BnnCompiler.Mapping.Defects;

namespace BnnCompiler.Mapping.Repair;

/// <summary>
/// Permutes a block's rows onto the physical rows (spare rows included when allowed) so that the fewest programmed
/// cells sit on stuck cells of the other state; the input gather drives each physical row with its row's bit. With IR
/// drop the cost is <see cref="IrDropObjective"/>'s.
/// <code>
/// before: geometry row r on physical row r            after: row r on physical row π(r), π minimising
///   row 0  [+ - + +]  on  row 0 [. X . .]  1 error       Σ_r errors(r, π(r)) (an assignment problem);
///   row 1  [- - + -]  on  row 1 [. . . .]  0            in the pair-in-rows layout this also swaps a
///                                                         pair's two rows (input and complement)
/// </code>
/// </summary>
public static class RowPermutationPass
{
    public static SubarrayRepair Apply(RepairProblem problem, SubarrayRepair plan)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(plan);
        var rows = problem.Geometry.Rows;
        var columns = problem.Geometry.Columns;
        var candidates = problem.CandidateRows;
        var physicalColumn = new int[columns];
        var flipped = new bool[columns];
        for (var c = 0; c < columns; c++)
        {
            physicalColumn[c] = plan.PhysicalColumn(c);
            flipped[c] = plan.Flipped(c);
        }

        var cost = new long[rows * candidates];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var state = SubarrayRepair.Programmed(problem.At(r, c), flipped[c]);
                if (state == CellState.Empty)
                {
                    continue;
                }

                for (var p = 0; p < candidates; p++)
                {
                    if (SubarrayDefects.Conflicts(state, problem.Defects.At(p, physicalColumn[c])))
                    {
                        cost[(r * candidates) + p]++;
                    }
                }
            }
        }

        for (var r = 0; r < rows; r++)
        {
            var used = problem.RowUsed(r);
            for (var p = 0; p < candidates; p++)
            {
                var at = (r * candidates) + p;
                cost[at] = IrDropObjective.Row(problem, plan, used, p, (int)cost[at]);
            }
        }

        return plan with { RowOf = AssignmentSolver.Solve(cost, rows, candidates) };
    }
}
