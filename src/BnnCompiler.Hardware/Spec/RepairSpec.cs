namespace BnnCompiler.Hardware;

/// <summary>Defect repair at compile time (<c>repair.*</c>; see docs/repair.md).</summary>
public sealed record RepairSpec
{
    public required RepairMode Mode { get; init; }

    /// <summary>Images of the calibration set the column references are fitted on (map+spares+calibrate).</summary>
    public required int CalibrationImages { get; init; }

    /// <summary>
    /// Physical columns of each subarray a block may use (<c>repair.max_columns</c>), those nearest the row drivers, or
    /// null for all: the mapper gives each subarray at most this many columns' weights and the repair passes keep them
    /// there (spare columns aside), so each row line carries On cells over that length only.
    /// </summary>
    public int? MaxColumns { get; init; }

    /// <summary>True when the spare rows and columns take part in the mapping.</summary>
    public bool UsesSpares => Mode is RepairMode.MapSpares or RepairMode.MapSparesCalibrate;

    /// <summary>True when the columns' ADC references are calibrated after programming.</summary>
    public bool Calibrates => Mode == RepairMode.MapSparesCalibrate;
}
