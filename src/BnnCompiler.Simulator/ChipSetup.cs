using BnnCompiler.Mapping.Defects;

namespace BnnCompiler.Simulator;

/// <summary>
/// What the simulated chip brings beyond its spec: its defect map (null: stuck cells drawn from the spec's rates per
/// trial) and the calibration set its column references are fitted on after programming when <c>repair.mode</c> is
/// map+spares+calibrate (model inputs, held apart from the test set).
/// </summary>
public sealed record ChipSetup(IDefectSource? Defects, IReadOnlyList<float[]>? CalibrationInputs)
{
    /// <summary>Defects drawn from the rates, no calibration set.</summary>
    public static ChipSetup Default { get; } = new(null, null);
}
