namespace BnnCompiler.Circuits.Activity;

/// <summary>
/// One row of the action table: a component, one action it performs, the bucket its energy is charged to, and the
/// energy of one action from the chip's circuit models, and who counts it in a simulated run. Counts are keyed by the
/// row; prices are looked up by it.
/// </summary>
public sealed record ChipAction(string Component, string Action, Bucket Bucket, Func<ChipCircuits, double> EnergyPj, string Description)
{
    /// <summary>Position in <see cref="ChipActions.All"/>.</summary>
    public int Index { get; init; }

    /// <summary>Who counts the action when a dataset is simulated (data-free runs count every row analytically).</summary>
    public ActionCounter CountedBy { get; init; } = ActionCounter.Analytical;

    public override string ToString() => $"{Component}.{Action}";
}
