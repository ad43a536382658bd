namespace BnnCompiler.Hardware;

/// <summary>How the compiler works around a chip's defects (<c>repair.mode</c>; see docs/repair.md).</summary>
public enum RepairMode
{
    /// <summary>Naive mapping: every weight on its nominal cells, stuck or not.</summary>
    None,

    /// <summary>Fault-aware mapping inside the subarray: row permutation, column assignment, pair flips.</summary>
    Map,

    /// <summary>As <see cref="Map"/>, with the spare rows and columns of <c>subarray.spare_*</c> as candidates.</summary>
    MapSpares,

    /// <summary>As <see cref="MapSpares"/>, then each column's ADC references fitted to the chip on a calibration set.</summary>
    MapSparesCalibrate,
}
