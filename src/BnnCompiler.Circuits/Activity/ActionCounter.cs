namespace BnnCompiler.Circuits.Activity;

/// <summary>
/// Who counts an action in a simulated run (<see cref="ChipAction.CountedBy"/>). A data-free run counts every action
/// with <see cref="AnalyticalActivity"/>.
/// </summary>
public enum ActionCounter
{
    /// <summary>The functional simulator, from the data (word lines driven, cells conducting).</summary>
    Simulator,

    /// <summary>The timing engine, executing the compiled program's instructions (structural actions).</summary>
    TimingEngine,

    /// <summary>The analytical model, also in simulated runs (no executor counts the action the way it is priced yet).</summary>
    Analytical,
}
