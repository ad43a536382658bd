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

    /// <summary>The file the spec was read from as given by the caller, or the name passed to Parse.</summary>
    public required string SourcePath { get; init; }

    /// <summary>Weight rows one subarray offers a layer: physical rows over the rows one weight takes.</summary>
    public int WeightRowsPerSubarray => Subarray.Rows / Weights.RowsPerWeight;

    /// <summary>
    /// Output columns one subarray offers a layer: physical columns, less the reference column of
    /// <see cref="WeightMappingMode.OneCellReference"/>, over the columns one weight takes. For the
    /// reference mode this is <c>columns − 1</c>, which is no longer a power of two.
    /// </summary>
    public int WeightColumnsPerSubarray => (Subarray.Columns - Weights.ReferenceColumnsPerSubarray) / Weights.ColumnsPerWeight;

    /// <summary>ADCs in one subarray: one per <see cref="ReadoutSpec.ColumnsPerAdc"/> physical columns.</summary>
    public int AdcsPerSubarray => Subarray.Columns / Readout.ColumnsPerAdc;

    /// <summary>
    /// Sensing cycles one subarray needs for one input-bit vector: the column mux steps through its columns,
    /// for every group of rows read together, and twice when the two cells of a weight are read one after the other.
    /// </summary>
    public int SensingCyclesPerInputBit =>
        Readout.ColumnsPerAdc * (Subarray.Rows / Subarray.ParallelRows) * Weights.ReadsPerInput;
}

/// <summary>Process and operating point (<c>technology.*</c>).</summary>
public sealed record TechnologySpec
{
    /// <summary>Technology node in nm (<c>technology.node_nm</c>).</summary>
    public required int NodeNm { get; init; }

    /// <summary>Supply voltage in V (<c>technology.vdd_v</c>).</summary>
    public required double VddV { get; init; }

    /// <summary>Operating temperature in K (<c>technology.temperature_k</c>).</summary>
    public required double TemperatureK { get; init; }

    /// <summary>Transistor flavour of the peripheral logic (<c>technology.device_roadmap</c>).</summary>
    public required DeviceRoadmap DeviceRoadmap { get; init; }
}

/// <summary>The memory cell (<c>cell.*</c>).</summary>
public sealed record CellSpec
{
    public required CellType Type { get; init; }

    /// <summary>Access device of an RRAM cell: a transistor (1T1R) or none (0T1R crossbar).</summary>
    public required AccessDevice Access { get; init; }

    /// <summary>Low-resistance state at the read voltage, in Ω (<c>cell.r_on_ohm</c>).</summary>
    public required double ROnOhm { get; init; }

    /// <summary>High-resistance state at the read voltage, in Ω (<c>cell.r_off_ohm</c>, or r_on × on_off_ratio).</summary>
    public required double ROffOhm { get; init; }

    public required int BitsPerCell { get; init; }

    /// <summary>Read voltage across the cell, in V (<c>cell.read_voltage_v</c>).</summary>
    public required double ReadVoltageV { get; init; }

    /// <summary>Read pulse width, in ns (<c>cell.read_pulse_ns</c>).</summary>
    public required double ReadPulseNs { get; init; }

    /// <summary>Cell area in F² (F = the technology node) (<c>cell.area_f2</c>).</summary>
    public required double AreaF2 { get; init; }

    public double OnOffRatio => ROffOhm / ROnOhm;

    public double GOnSiemens => 1.0 / ROnOhm;

    public double GOffSiemens => 1.0 / ROffOhm;
}

/// <summary>How a ±1 weight is laid out in cells and read (<c>weights.*</c>).</summary>
public sealed record WeightMappingSpec
{
    public required WeightMappingMode Mode { get; init; }

    /// <summary>Where the second cell of a two-cell weight sits: the next row or the next column.</summary>
    public required PairLayout PairLayout { get; init; }

    /// <summary>Cells that store one weight: 2 for the two-cell modes, 1 with a reference column.</summary>
    public int CellsPerWeight => Mode == WeightMappingMode.OneCellReference ? 1 : 2;

    /// <summary>Reads of a subarray per input vector: 2 when the two cells are read one after the other.</summary>
    public int ReadsPerInput => Mode == WeightMappingMode.TwoCellsSequential ? 2 : 1;

    public int RowsPerWeight => CellsPerWeight == 2 && PairLayout == PairLayout.Rows ? 2 : 1;

    public int ColumnsPerWeight => CellsPerWeight == 2 && PairLayout == PairLayout.Columns ? 2 : 1;

    /// <summary>Reference (mid-conductance) columns a subarray gives up: 1 in the reference mode, else 0.</summary>
    public int ReferenceColumnsPerSubarray => Mode == WeightMappingMode.OneCellReference ? 1 : 0;
}

/// <summary>A rows × columns arrangement of identical units.</summary>
public sealed record GridSpec(int Rows, int Columns)
{
    public int Count => Rows * Columns;
}

/// <summary>A buffer: its circuit kind and capacity.</summary>
public sealed record BufferSpec
{
    public required BufferKind Kind { get; init; }

    /// <summary>Capacity in KiB, or null when the mapper sizes it (YAML <c>auto</c>).</summary>
    public required double? SizeKib { get; init; }

    public bool IsAutoSized => SizeKib is null;
}

/// <summary>The chip (<c>chip.*</c>).</summary>
public sealed record ChipSpec
{
    /// <summary>Tile grid, or null when the mapper sizes the chip to the model (YAML <c>auto</c>).</summary>
    public required GridSpec? Tiles { get; init; }

    public required BufferSpec GlobalBuffer { get; init; }

    public required InterconnectTopology Interconnect { get; init; }

    /// <summary>Width of the global interconnect in bits (<c>chip.interconnect.bus_width_bits</c>).</summary>
    public required int BusWidthBits { get; init; }

    /// <summary>How the mapper sizes tiles and PEs left <c>auto</c> (<c>chip.floorplan</c>).</summary>
    public FloorplanRule Floorplan { get; init; } = FloorplanRule.NeuroSim;
}

/// <summary>A tile (<c>tile.*</c>): a grid of PEs that never holds more than one layer.</summary>
public sealed record TileSpec
{
    /// <summary>PE grid, or null when the mapper chooses it per model (YAML <c>auto</c>).</summary>
    public required GridSpec? Pes { get; init; }

    public required BufferSpec InputBuffer { get; init; }

    public required BufferSpec OutputBuffer { get; init; }
}

/// <summary>A processing element (<c>pe.*</c>): a grid of subarrays and an adder tree over them.</summary>
public sealed record PeSpec
{
    /// <summary>Subarray grid, or null when the mapper chooses it per model (YAML <c>auto</c>).</summary>
    public required GridSpec? Subarrays { get; init; }

    public required BufferSpec InputBuffer { get; init; }

    public required BufferSpec OutputBuffer { get; init; }

    /// <summary>Output width of the adder tree in bits, or null for just wide enough for the exact sum.</summary>
    public required int? AdderTreeBits { get; init; }
}

/// <summary>One crossbar (<c>subarray.*</c>).</summary>
public sealed record SubarraySpec
{
    public required int Rows { get; init; }

    public required int Columns { get; init; }

    /// <summary>Rows driven in one read (all rows unless <c>subarray.parallel_rows</c> says fewer).</summary>
    public required int ParallelRows { get; init; }

    public int Cells => Rows * Columns;
}

/// <summary>Read-out and input encoding (<c>readout.*</c>).</summary>
public sealed record ReadoutSpec
{
    public required AdcKind AdcKind { get; init; }

    public required int AdcBits { get; init; }

    /// <summary>Columns that share one ADC through a column mux.</summary>
    public required int ColumnsPerAdc { get; init; }

    /// <summary>Bits of a multi-bit input, fed bit-serially (one read per bit plane).</summary>
    public required int InputBits { get; init; }

    public required InputQuantization InputQuantization { get; init; }

    /// <summary>Lower end of the fixed full-scale range of static quantisation (in input units).</summary>
    public required double InputRangeMin { get; init; }

    /// <summary>Upper end of the fixed full-scale range of static quantisation (in input units).</summary>
    public required double InputRangeMax { get; init; }

    public int AdcLevels => 1 << AdcBits;
}

/// <summary>Clocking (<c>clock.*</c>).</summary>
public sealed record ClockSpec
{
    public required ClockMode Mode { get; init; }

    /// <summary>Clock period in ns when <see cref="ClockMode.Fixed"/>; null otherwise.</summary>
    public required double? PeriodNs { get; init; }

    /// <summary>Factor on the slowest sensing path when the clock follows it (NeuroSim: 1.4).</summary>
    public required double SensingMargin { get; init; }

    /// <summary>Shortest period the clock may take, in ns (NeuroSim caps the clock at 1 GHz: 1 ns).</summary>
    public required double MinPeriodNs { get; init; }
}

/// <summary>Layer scheduling (<c>pipeline.*</c>).</summary>
public sealed record PipelineSpec
{
    public required PipelineMode Mode { get; init; }

    public required DuplicationSpec Duplication { get; init; }
}

/// <summary>Weight duplication: extra copies of a layer's weights on extra tiles to speed it up.</summary>
public sealed record DuplicationSpec
{
    public required DuplicationMode Mode { get; init; }

    /// <summary>Copies of every layer in <see cref="DuplicationMode.Fixed"/> mode (1 = no duplication).</summary>
    public required int Degree { get; init; }

    /// <summary>Most copies of any one layer in <see cref="DuplicationMode.Auto"/> mode.</summary>
    public required int MaxCopies { get; init; }

    /// <summary>Most tiles all layers and copies together may use in auto mode, or null for no limit.</summary>
    public required int? TileBudget { get; init; }
}

/// <summary>Device and circuit non-idealities (<c>non_idealities.*</c>); all zero or off means ideal.</summary>
public sealed record NonIdealitySpec
{
    /// <summary>Seed of every random draw the simulator makes for these effects.</summary>
    public required int Seed { get; init; }

    public required VariationSpec DeviceVariation { get; init; }

    /// <summary>Cycle-to-cycle read noise: σ of the conductance per read, relative to the conductance.</summary>
    public required double ReadNoiseSigma { get; init; }

    /// <summary>When true the off state conducts 1/R_off; when false (ideal) it conducts nothing.</summary>
    public required bool FiniteOnOffRatio { get; init; }

    /// <summary>Fraction of cells stuck at G_on.</summary>
    public required double StuckAtOnRate { get; init; }

    /// <summary>Fraction of cells stuck at G_off.</summary>
    public required double StuckAtOffRate { get; init; }

    public required DriftSpec Drift { get; init; }

    /// <summary>Wire resistance of one cell's segment of word and bit line, in Ω (0 = no IR drop).</summary>
    public required double WireResistanceOhm { get; init; }

    public required AdcNonIdealitySpec Adc { get; init; }

    /// <summary>True when nothing here departs from the ideal device and ADC.</summary>
    public bool IsIdeal =>
        DeviceVariation.Sigma == 0 && ReadNoiseSigma == 0 && !FiniteOnOffRatio && StuckAtOnRate == 0
        && StuckAtOffRate == 0 && !Drift.IsActive && WireResistanceOhm == 0 && Adc.IsIdeal;
}

/// <summary>Device-to-device (programming) variation of the conductance.</summary>
public sealed record VariationSpec
{
    public required VariationDistribution Distribution { get; init; }

    /// <summary>Log-normal: σ of ln G. Gaussian: σ of G relative to G.</summary>
    public required double Sigma { get; init; }
}

/// <summary>Conductance drift G(t) = G(t0) · (t / t0)^(−ν), ν drawn per cell from N(nu, nu_sigma).</summary>
public sealed record DriftSpec
{
    /// <summary>Time from programming to the read, in s (0 = no drift).</summary>
    public required double ReadTimeS { get; init; }

    /// <summary>Reference time t0 at which the programmed conductance holds, in s.</summary>
    public required double ReferenceTimeS { get; init; }

    public required double Nu { get; init; }

    public required double NuSigma { get; init; }

    public bool IsActive => ReadTimeS > ReferenceTimeS && (Nu != 0 || NuSigma != 0);
}

/// <summary>ADC errors, drawn once per ADC (offset, gain) or per conversion (noise).</summary>
public sealed record AdcNonIdealitySpec
{
    public required double OffsetSigmaLsb { get; init; }

    /// <summary>σ of the gain error, relative (0.01 = 1 %).</summary>
    public required double GainErrorSigma { get; init; }

    public required double NoiseSigmaLsb { get; init; }

    public bool IsIdeal => OffsetSigmaLsb == 0 && GainErrorSigma == 0 && NoiseSigmaLsb == 0;
}

public enum DeviceRoadmap
{
    /// <summary>Low standby power transistors (NeuroSim's default).</summary>
    Lstp,

    /// <summary>High performance transistors.</summary>
    Hp,
}

public enum CellType
{
    Rram,
    Sram,
    Fefet,
}

public enum AccessDevice
{
    /// <summary>One access transistor per cell (1T1R); FeFET and SRAM cells always have one.</summary>
    Transistor,

    /// <summary>No access device: a 0T1R cross-point array (RRAM only).</summary>
    None,
}

public enum WeightMappingMode
{
    /// <summary>Two cells per ±1 weight (w and its complement), both read in the same cycle (NeuroSim "XNOR parallel").</summary>
    TwoCellsParallel,

    /// <summary>Two cells per ±1 weight, read in two cycles one after the other (NeuroSim "XNOR sequential").</summary>
    TwoCellsSequential,

    /// <summary>One cell per weight; a mid-conductance reference column is subtracted from every column.</summary>
    OneCellReference,
}

public enum PairLayout
{
    /// <summary>The two cells sit in two rows of one column, driven by the input and its complement.</summary>
    Rows,

    /// <summary>The two cells sit in two columns of one row, whose outputs are subtracted.</summary>
    Columns,
}

public enum BufferKind
{
    RegisterFile,
    Sram,
}

/// <summary>
/// Rule for auto tile / PE sizes: <c>Utilization</c> halves down to 2 subarrays a side and keeps the best weight
/// utilisation; <c>NeuroSim</c> follows DNN+NeuroSim V1.3's floorplan (halving stops at tiles of more than 4 and PEs of
/// more than 2 subarrays a side).
/// </summary>
public enum FloorplanRule
{
    Utilization,
    NeuroSim,
}

public enum InterconnectTopology
{
    HTree,
    Mesh,
}

public enum AdcKind
{
    /// <summary>Multi-level sense amplifier: a flash ADC of 2^bits − 1 current comparators against reference columns.</summary>
    MultiLevelSenseAmp,

    /// <summary>Successive-approximation ADC: one comparator, one cycle per bit.</summary>
    Sar,

    /// <summary>Voltage-mode flash ADC: 2^bits − 1 comparators in parallel.</summary>
    Flash,
}

public enum InputQuantization
{
    /// <summary>Each image is quantised over its own min..max.</summary>
    Dynamic,

    /// <summary>Every image is quantised over the fixed range readout.input_range_min..max.</summary>
    Static,
}

public enum ClockMode
{
    /// <summary>The period is the slowest sensing path × sensing_margin, no shorter than min_period_ns.</summary>
    SensingPath,

    /// <summary>The period is clock.period_ns.</summary>
    Fixed,
}

public enum PipelineMode
{
    /// <summary>All layers run at once on their own tiles; an image's latency is set by the slowest stage.</summary>
    LayerPipelined,

    /// <summary>One layer at a time; latency is the sum of the layers.</summary>
    LayerByLayer,
}

public enum DuplicationMode
{
    /// <summary>Copies are given to the slowest layers to balance the pipeline, within max_copies and tile_budget.</summary>
    Auto,

    /// <summary>Every layer gets pipeline.duplication.degree copies.</summary>
    Fixed,
}

public enum VariationDistribution
{
    LogNormal,
    Gaussian,
}
