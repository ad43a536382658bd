namespace BnnCompiler.Hardware;

/// <summary>
/// One validated hardware description: the chip a model is mapped onto and simulated on. Built only by
/// <see cref="HardwareSpecLoader"/> (from YAML, defaults and <c>--set</c> overrides), so every value here has
/// passed the checks of <see cref="HardwareSpecSchema"/>. Immutable; use <c>with</c> for variants and
/// <see cref="HardwareSpecLoader.ApplyOverrides"/> for validated ones. The YAML key of each property is given
/// in its comment; docs/hwspec.md lists units, defaults and ranges.
/// </summary>
public sealed record HardwareSpec
{
    /// <summary>Schema version of the file (<c>version</c>); this tool reads version 1.</summary>
    public required int Version { get; init; }

    /// <summary>Free-text name of the design (<c>name</c>), or null when none was given.</summary>
    public string? Name { get; init; }

    public required TechnologySpec Technology { get; init; }

    public required CellSpec Cell { get; init; }

    /// <summary>How one ±1 weight is stored in cells (<c>weights.*</c>).</summary>
    public required WeightMappingSpec Weights { get; init; }

    public required ChipSpec Chip { get; init; }

    public required TileSpec Tile { get; init; }

    public required PeSpec Pe { get; init; }

    public required SubarraySpec Subarray { get; init; }

    public required ReadoutSpec Readout { get; init; }

    public required ClockSpec Clock { get; init; }

    public required PipelineSpec Pipeline { get; init; }

    public required NonIdealitySpec NonIdealities { get; init; }

    /// <summary>Cost-model choices (<c>cost.*</c>); physical accounting unless the spec says otherwise.</summary>
    public CostSpec Cost { get; init; } = CostSpec.Default;
    /// <summary>Defect repair (<c>repair.*</c>); none unless the spec says otherwise.</summary>
    public RepairSpec Repair { get; init; } = new() { Mode = RepairMode.None, CalibrationImages = 200 };

    /// <summary>The file the spec was read from as given by the caller, or the name passed to Parse.</summary>
    public required string SourcePath { get; init; }

    /// <summary>True when the chip fabricates spare rows, columns or subarrays for repair.mode map+spares.</summary>
    public bool HasSpares => Subarray.SpareRows + Subarray.SpareColumns + Pe.SpareSubarrays > 0;

    /// <summary>Weight rows one subarray offers a layer: physical rows over the rows one weight takes.</summary>
    public int WeightRowsPerSubarray => Subarray.Rows / Weights.RowsPerWeight;

    /// <summary>Groups of rows a subarray is read in, one after the other: <c>subarray.rows / subarray.parallel_rows</c>.</summary>
    public int RowGroups => Math.Max(1, Subarray.Rows / Subarray.ParallelRows);

    /// <summary>
    /// Weight rows driven together in one read and converted together: <see cref="WeightRowsPerSubarray"/> over the
    /// <see cref="RowGroups"/> (at least one row).
    /// </summary>
    public int WeightRowsPerRead => Math.Max(1, WeightRowsPerSubarray / RowGroups);

    /// <summary>
    /// Reads (row groups) of a row block of <paramref name="blockRows"/> weight rows: ⌈rows / <see cref="WeightRowsPerRead"/>⌉,
    /// at most <see cref="RowGroups"/> (<see cref="ReadGroups"/>).
    /// </summary>
    public int ReadGroupsOf(int blockRows) => ReadGroups.Of(blockRows, WeightRowsPerRead);

    /// <summary>
    /// Output columns one subarray offers a layer: its <see cref="UsedColumns"/>, less the reference column of
    /// <see cref="WeightMappingMode.OneCellReference"/>, over the columns one weight takes. For the
    /// reference mode this is <c>columns − 1</c>, which is no longer a power of two.
    /// </summary>
    public int WeightColumnsPerSubarray => (UsedColumns - Weights.ReferenceColumnsPerSubarray) / Weights.ColumnsPerWeight;

    /// <summary>
    /// Physical columns of a subarray the mapping fills: all of them, or the first <c>repair.max_columns</c> (nearest the
    /// row drivers) when the spec caps them; the subarray keeps its columns, ADCs and mux (the rest are left Off).
    /// </summary>
    public int UsedColumns => Math.Min(Subarray.Columns, Repair.MaxColumns ?? Subarray.Columns);

    /// <summary>ADCs in one subarray: one per <see cref="ReadoutSpec.ColumnsPerAdc"/> physical columns.</summary>
    public int AdcsPerSubarray => Subarray.Columns / Readout.ColumnsPerAdc;

    /// <summary>
    /// Sensing cycles one subarray needs for one input-bit vector: the column mux steps through its columns,
    /// for every group of rows read together, and twice when the two cells of a weight are read one after the other.
    /// </summary>
    public int SensingCyclesPerInputBit => SensingCyclesPerInputBitOf(WeightRowsPerSubarray);

    /// <summary>
    /// <see cref="SensingCyclesPerInputBit"/> of a row block of <paramref name="blockRows"/> weight rows: the mux steps
    /// for each of the block's <see cref="ReadGroupsOf">row groups</see> (one for a block shorter than a group), twice
    /// when the two cells of a weight are read one after the other.
    /// </summary>
    public int SensingCyclesPerInputBitOf(int blockRows) => MuxInputsPerAdc * ReadGroupsOf(blockRows) * Weights.ReadsPerInput;

    /// <summary>
    /// Inputs of each ADC's column mux: <see cref="ReadoutSpec.ColumnsPerAdc"/>, widened to share the spare columns
    /// (⌈(columns + spare columns) / ADCs⌉); a repaired column may sit anywhere on it, so the mux steps through all of them.
    /// </summary>
    public int MuxInputsPerAdc => (Subarray.PhysicalColumns + AdcsPerSubarray - 1) / AdcsPerSubarray;
}
