namespace BnnCompiler.Mapping.Repair;

/// <summary>
/// The placement cost the repair passes minimise when the wires drop voltage. A row is driven from its left end and a
/// column is sensed at its bottom end, so a cell's share of V_read shrinks with the On cells between it and its row
/// driver and with the wire between it and its sense amplifier (docs/non-idealities.md, IR drop). The cost is
/// lexicographic: weight errors first (each outweighs any sum of distances, so the passes never leave more errors
/// than without it), then the distance of each used column from the row drivers and of each used row from the sense
/// amplifiers, in cells. A used column may not take an array slot beyond <see cref="RepairProblem.ColumnWindow"/>
/// (<c>repair.max_columns</c>); spare slots stay open to it.
/// <code>
/// before (errors only): a 32-column block          after: the same error count, its columns on the
///   spread over slots 0..135 wherever a slot is       healthy slots nearest the drivers, its rows on the
///   healthy, its rows on the top rows 0..17           healthy rows nearest the sense amplifiers
/// </code>
/// </summary>
public static class IrDropObjective
{
    /// <summary>The cost of one weight error when distances count: above any sum of distances (at most 4096 × 4096).</summary>
    public const long ErrorCost = 1L << 25;

    /// <summary>The cost of a used column on an array slot beyond the window: above any placement within it.</summary>
    public const long Excluded = 1L << 45;

    /// <summary>The cost of a weight column (<paramref name="used"/>: it holds programmed cells) with <paramref name="errors"/> errors in slot <paramref name="slot"/>.</summary>
    public static long Column(RepairProblem problem, SubarrayRepair plan, bool used, int slot, int errors)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(plan);
        if (!used)
        {
            return 0;
        }

        if (problem.ColumnWindow is { } window && slot >= window && slot < plan.WeightSlots)
        {
            return Excluded;
        }

        return problem.IrDropAware ? (errors * ErrorCost) + plan.SlotColumn(slot) : errors;
    }

    /// <summary>The whole placement's cost: its weight errors, then (with IR drop) the used lines' distances as above.</summary>
    public static long Score(RepairProblem problem, SubarrayRepair plan)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(plan);
        long errors = problem.Errors(plan);
        if (!problem.IrDropAware)
        {
            return errors;
        }

        var cpw = problem.Geometry.ColumnsPerWeight;
        var score = errors * ErrorCost;
        for (var c = 0; c < plan.WeightSlots; c++)
        {
            score += Enumerable.Range(c * cpw, cpw).Any(problem.ColumnUsed) ? plan.SlotColumn(plan.SlotOf[c]) : 0;
        }

        for (var r = 0; r < problem.Geometry.Rows; r++)
        {
            score += problem.RowUsed(r) ? plan.PhysicalRows - 1 - plan.RowOf[r] : 0;
        }

        return score;
    }

    /// <summary>The cost of a used row with <paramref name="errors"/> errors on physical row <paramref name="row"/> (the sense amplifiers sit below the last).</summary>
    public static long Row(RepairProblem problem, SubarrayRepair plan, bool used, int row, int errors)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(plan);
        if (!used)
        {
            return 0;
        }

        return problem.IrDropAware ? (errors * ErrorCost) + (plan.PhysicalRows - 1 - row) : errors;
    }
}
