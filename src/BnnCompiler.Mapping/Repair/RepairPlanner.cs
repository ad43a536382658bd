using BnnCompiler.Hardware;
using BnnCompiler.Mapping.Cells;
using BnnCompiler.Mapping.Defects;

namespace BnnCompiler.Mapping.Repair;

/// <summary>
/// Plans one block's repair for <c>repair.mode</c>: none keeps the naive mapping; map alternates
/// <see cref="ColumnAssignmentPass"/>, <see cref="PairFlipPass"/> and <see cref="RowPermutationPass"/> (each can only
/// lower the error count given the others, and the best plan seen is kept); map+spares lets them use the spare rows and
/// column slots. With IR drop the plans are compared by <see cref="IrDropObjective.Score"/> (errors first, then how near
/// the drivers and sense amplifiers the used lines sit). Deterministic: same cells and defects, same plan.
/// </summary>
public static class RepairPlanner
{
    /// <summary>Rounds of the three passes; the second round rarely finds more than a few errors, a third almost none.</summary>
    public const int Rounds = 2;

    /// <summary>
    /// One block of a chip built to <paramref name="spec"/>: its cells <paramref name="logical"/> repaired around
    /// <paramref name="defects"/> in the spec's repair mode, with the spec's column window (<c>repair.max_columns</c>) and
    /// IR-drop objective (<see cref="IrDropReadPlan.ShortDecay"/>), on a subarray of the spec's physical size.
    /// </summary>
    public static (SubarrayRepair Plan, RepairCounts Counts) PlanBlock(HardwareSpec spec, CellGeometry geometry, CellState[] logical, SubarrayDefects defects, bool useSpares)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var problem = new RepairProblem(geometry, logical, defects, useSpares)
        {
            ColumnWindow = spec.Repair.MaxColumns is null ? null : spec.WeightColumnsPerSubarray,
            IrDropAware = IrDropReadPlan.ShortDecay(spec),
        };
        return Plan(problem, spec.Repair.Mode, spec.Subarray.PhysicalRows, spec.Subarray.PhysicalColumns);
    }

    public static (SubarrayRepair Plan, RepairCounts Counts) Plan(RepairProblem problem, RepairMode mode, int physicalRows, int physicalColumns)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var plan = SubarrayRepair.Identity(problem.Geometry, physicalRows, physicalColumns);
        var naive = problem.Errors(plan);
        var stuck = problem.Defects.Count;
        if (mode == RepairMode.None || (stuck == 0 && !problem.IrDropAware))
        {
            return (plan, new RepairCounts(stuck, naive, naive));
        }

        var best = plan;
        var bestScore = IrDropObjective.Score(problem, plan);
        for (var round = 0; round < Rounds && bestScore > 0; round++)
        {
            plan = ColumnAssignmentPass.Apply(problem, plan);
            plan = PairFlipPass.Apply(problem, plan);
            plan = RowPermutationPass.Apply(problem, plan);
            var score = IrDropObjective.Score(problem, plan);
            if (score < bestScore)
            {
                (best, bestScore) = (plan, score);
            }
        }

        var bestErrors = problem.Errors(best);
        return (best, new RepairCounts(stuck, naive, bestErrors));
    }
}
