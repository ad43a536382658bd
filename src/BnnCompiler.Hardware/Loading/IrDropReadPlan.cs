namespace BnnCompiler.Hardware;

/// <summary>
/// Chooses how a calibrated chip is read around IR drop, from the wire resistance r and the cell's R_on: the decay
/// length λ = √(R_on / r) (in cells) of a line of On cells. Where λ is shorter than half the subarray's columns the
/// row lines are capped at the power of two nearest 2λ columns (<c>repair.max_columns</c>: the rest of each row stays
/// Off, so the line carries current over that length only) and the subarray is read in groups of the power of two
/// nearest λ/2 rows (<c>subarray.parallel_rows</c>: each group gets its own calibrated line). Along a column the share
/// of a row's current that reaches the sense amplifier falls about as e^(−k/λ) with the row's distance k from it, so the
/// rows of a group of P differ by up to a factor e^(−P/λ), which one line a·m + o per group cannot follow: 0.37 for
/// P = λ, 0.61 for P = λ/2 (<see cref="GroupDecayFraction"/>; measured in IrDropTests and docs/repair.md: groups of λ
/// left fmnist-cnn at 6 Ω 1.35 points short of ideal, groups of λ/2 within a point). Only with
/// <c>repair.mode map+spares+calibrate</c>, only for the keys the spec leaves unset; an uncalibrated chip keeps the
/// spec's reads.
/// <code>
/// before: 128 × 128, r = 6 Ω (λ ≈ 32): every row read at once,     after: repair.max_columns 64, parallel_rows 16:
///   a block's columns on all 128 columns of each row line                 64 columns a subarray (more subarrays),
///                                                                          8 row groups each with its own trim words
/// </code>
/// </summary>
public static class IrDropReadPlan
{
    /// <summary>The decay length in cells of a row line of On cells, or +∞ without wire resistance.</summary>
    public static double DecayCells(double rOnOhm, double wireOhm) => wireOhm > 0 ? Math.Sqrt(rOnOhm / wireOhm) : double.PositiveInfinity;

    /// <summary>The row group's length as a fraction of the decay length: a group spans half of it.</summary>
    public const double GroupDecayFraction = 0.5;

    /// <summary>
    /// True when the wires drop voltage over less than half a row (λ below half the subarray's columns): then the plan
    /// applies to a calibrated chip, and the repair passes place the used lines nearest the drivers and sense amplifiers.
    /// </summary>
    public static bool ShortDecay(HardwareSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return DecayCells(spec.Cell.ROnOhm, spec.NonIdealities.WireResistanceOhm) < spec.Subarray.Columns / 2.0;
    }

    /// <summary>
    /// The spec with the plan applied to the keys not given (<paramref name="columnsGiven"/>: <c>repair.max_columns</c>,
    /// <paramref name="rowsGiven"/>: <c>subarray.parallel_rows</c>); unchanged when the plan does not apply.
    /// </summary>
    public static HardwareSpec Apply(HardwareSpec spec, bool columnsGiven, bool rowsGiven)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!spec.Repair.Calibrates || !ShortDecay(spec))
        {
            return spec;
        }

        var decay = DecayCells(spec.Cell.ROnOhm, spec.NonIdealities.WireResistanceOhm);
        var columns = Math.Clamp(NearestPowerOfTwo(2 * decay), 8, spec.Subarray.Columns);
        var rows = Math.Clamp(NearestPowerOfTwo(GroupDecayFraction * decay), 1, spec.Subarray.Rows);
        return spec with
        {
            Repair = columnsGiven ? spec.Repair : spec.Repair with { MaxColumns = columns },
            Subarray = rowsGiven ? spec.Subarray : spec.Subarray with { ParallelRows = rows },
        };
    }

    private static int NearestPowerOfTwo(double x) => 1 << (int)Math.Clamp(Math.Round(Math.Log2(Math.Max(1, x))), 0, 30);
}
