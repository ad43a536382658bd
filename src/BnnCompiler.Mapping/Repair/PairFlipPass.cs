namespace BnnCompiler.Mapping.Repair;

/// <summary>
/// Uses the two-cell pair's freedom: a weight column whose stuck cells hold the other encoding better is stored negated
/// (every pair swaps its On and Off cell) and its partial sum is subtracted, which is the downstream threshold's
/// comparison and the next layer's sign flipped for that column.
/// <code>
/// before: w = [+1, −1, +1]  pos cells [On Off On]   stuck: pos cell 0 at Off, neg cell 1 at Off   → 2 errors
/// after:  w' = −w           pos cells [Off On Off]  same stuck cells now hold what w' needs       → 0 errors,
///         partial sum −(w'·x) = w·x
/// </code>
/// </summary>
public static class PairFlipPass
{
    public static SubarrayRepair Apply(RepairProblem problem, SubarrayRepair plan)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(plan);
        var flip = new bool[plan.WeightSlots];
        for (var c = 0; c < flip.Length; c++)
        {
            var (asIs, flipped) = ColumnAssignmentPass.SlotErrors(problem, plan, c, plan.SlotOf[c]);
            flip[c] = flipped < asIs;
        }

        return plan with { Flip = flip };
    }
}
