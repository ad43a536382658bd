namespace BnnCompiler.Hardware;

/// <summary>
/// The table of every key of hardware spec version 1, in the order the writer emits them and docs/hwspec.md
/// lists them. Each entry names its type and range, unit, default and meaning; nothing about a key is
/// written anywhere else except the cross-key rules of <see cref="SpecValidator"/>.
/// </summary>
public static class HardwareSpecSchema
{
    /// <summary>The schema version this tool reads and writes.</summary>
    public const int CurrentVersion = 1;

    private static readonly IntegerType GridSide = new(1, 1024, keyword: "auto");
    private static readonly NumberType BufferSize = new(0, minInclusive: false, keyword: "auto");
    private static readonly NumberType Positive = new(0, minInclusive: false);
    private static readonly NumberType NonNegative = new(0);
    private static readonly NumberType Fraction = new(0, max: 1);
    private static readonly NumberType Sigma = new(0, max: 5);
    private static readonly ChoiceType BufferKinds = ChoiceType.For(("register_file", BufferKind.RegisterFile), ("sram", BufferKind.Sram));

    /// <summary>Every key, in schema order; sections are contiguous.</summary>
    public static IReadOnlyList<FieldDescriptor> Fields { get; } =
    [
        F("version", new IntegerType(CurrentVersion, CurrentVersion), "", CurrentVersion,
            "Schema version of the file; required.", s => s.Version),
        F("name", new TextType(), "", null,
            "Free-text name of the design, shown in reports.", s => s.Name),

        F("technology.node_nm", new IntegerType(1, 250), "nm", 22,
            "Technology node; also the feature size F of cell areas.", s => s.Technology.NodeNm),
        F("technology.vdd_v", new NumberType(0, minInclusive: false, max: 5), "V", 0.85,
            "Supply voltage of the peripheral logic.", s => s.Technology.VddV),
        F("technology.temperature_k", new NumberType(0, minInclusive: false, max: 500), "K", 300.0,
            "Operating temperature.", s => s.Technology.TemperatureK),
        F("technology.device_roadmap", ChoiceType.For(("lstp", DeviceRoadmap.Lstp), ("hp", DeviceRoadmap.Hp)), "", DeviceRoadmap.Lstp,
            "Transistor flavour of the periphery: low standby power or high performance.", s => s.Technology.DeviceRoadmap),

        F("cell.type", ChoiceType.For(("rram", CellType.Rram), ("sram", CellType.Sram), ("fefet", CellType.Fefet)), "", CellType.Rram,
            "Memory cell technology.", s => s.Cell.Type),
        F("cell.access", ChoiceType.For(("transistor", AccessDevice.Transistor), ("none", AccessDevice.None)), "", AccessDevice.Transistor,
            "Access device: transistor (1T1R; SRAM and FeFET always) or none (0T1R cross-point, RRAM only).", s => s.Cell.Access),
        F("cell.r_on_ohm", Positive, "Ω", 6000.0,
            "Low-resistance (on) state at the read voltage.", s => s.Cell.ROnOhm),
        F("cell.r_off_ohm", Positive, "Ω", 900000.0,
            "High-resistance (off) state at the read voltage; give this or cell.on_off_ratio.", s => s.Cell.ROffOhm),
        F("cell.on_off_ratio", new NumberType(1, minInclusive: false), "", null,
            "R_off / R_on; sets cell.r_off_ohm = r_on_ohm × ratio. Give this or cell.r_off_ohm.", _ => null),
        F("cell.bits_per_cell", new IntegerType(1, 8), "bits", 1,
            "Bits stored in one cell (SRAM: 1).", s => s.Cell.BitsPerCell),
        F("cell.read_voltage_v", new NumberType(0, minInclusive: false, max: 5), "V", 0.5,
            "Read voltage across the cell.", s => s.Cell.ReadVoltageV),
        F("cell.read_pulse_ns", Positive, "ns", 10.0,
            "Read pulse width.", s => s.Cell.ReadPulseNs),
        F("cell.area_f2", Positive, "F²", 48.0,
            "Cell area in units of F² (F = technology.node_nm).", s => s.Cell.AreaF2),

        F("weights.mapping", ChoiceType.For(
                ("two_cells_parallel", WeightMappingMode.TwoCellsParallel),
                ("two_cells_sequential", WeightMappingMode.TwoCellsSequential),
                ("one_cell_reference", WeightMappingMode.OneCellReference)), "", WeightMappingMode.TwoCellsParallel,
            "How a ±1 weight is stored: two cells (w, not w) read together or one after the other, or one cell against a reference column.",
            s => s.Weights.Mode),
        F("weights.pair_layout", ChoiceType.For(("rows", PairLayout.Rows), ("columns", PairLayout.Columns)), "", PairLayout.Rows,
            "Two-cell modes: the pair takes two rows (input and its complement) or two columns (outputs subtracted).",
            s => s.Weights.PairLayout),

        .. Grid("chip.tiles", "tile", null, "auto sizes the chip to the model", s => s.Chip.Tiles),
        .. Buffer("chip.global_buffer", "the global buffer", "the largest activation it must hold", s => s.Chip.GlobalBuffer),
        F("chip.interconnect.topology", ChoiceType.For(("h_tree", InterconnectTopology.HTree), ("mesh", InterconnectTopology.Mesh)), "", InterconnectTopology.HTree,
            "Global interconnect between tiles: an H-tree or an X-Y mesh bus.", s => s.Chip.Interconnect),
        F("chip.interconnect.bus_width_bits", new IntegerType(1, 8192, powerOfTwo: true), "bits", 2048,
            "Width of the global interconnect.", s => s.Chip.BusWidthBits),
        F("chip.floorplan", ChoiceType.For(("utilization", FloorplanRule.Utilization), ("neurosim", FloorplanRule.NeuroSim)), "", FloorplanRule.NeuroSim,
            "Rule for tile and PE sizes left auto: best weight utilisation down to 2 subarrays a side, or NeuroSim V1.3's (tiles above 4, PEs above 2 subarrays a side).",
            s => s.Chip.Floorplan),

        .. Grid("tile.pes", "PE", "a tile", "auto lets the mapper choose per model", s => s.Tile.Pes),
        .. Buffer("tile.input_buffer", "the tile's input buffer", "one input window of its layer", s => s.Tile.InputBuffer),
        .. Buffer("tile.output_buffer", "the tile's output buffer", "one output vector of its layer", s => s.Tile.OutputBuffer),

        .. Grid("pe.subarrays", "subarray", "a PE", "auto lets the mapper choose per model", s => s.Pe.Subarrays),
        .. Buffer("pe.input_buffer", "the PE's input buffer", "one input window of its subarrays", s => s.Pe.InputBuffer),
        .. Buffer("pe.output_buffer", "the PE's output buffer", "one output vector of its subarrays", s => s.Pe.OutputBuffer),
        F("pe.adder_tree_bits", new IntegerType(1, 64, keyword: "auto"), "bits", null,
            "Output width of the adder tree over a PE's subarrays; auto is just wide enough for the exact sum.", s => s.Pe.AdderTreeBits),
        F("pe.spare_subarrays", new IntegerType(0, 16), "subarrays", 0,
            "Spare subarrays fabricated in each PE for defect repair: a block that its own subarray's spares and permutations leave with weight errors moves onto one (priced as subarrays with their select muxes; used with repair.mode map+spares).",
            s => s.Pe.SpareSubarrays),

        F("subarray.rows", new IntegerType(8, 4096, powerOfTwo: true), "cells", 128,
            "Rows (word lines) of one crossbar.", s => s.Subarray.Rows),
        F("subarray.columns", new IntegerType(8, 4096, powerOfTwo: true), "cells", 128,
            "Columns (bit lines) of one crossbar.", s => s.Subarray.Columns),
        F("subarray.parallel_rows", new IntegerType(1, 4096, powerOfTwo: true, keyword: "all"), "rows", null,
            "Rows driven in one read; all reads every row at once (at most subarray.rows). Fewer read the subarray in row groups, each converted on its own. Unset, map+spares+calibrate chooses it from the wire resistance (docs/repair.md).", s => s.Subarray.ParallelRows),
        F("subarray.spare_rows", new IntegerType(0, 256), "rows", 0,
            "Spare rows fabricated below the array for defect repair (priced as rows; used with repair.mode map+spares).", s => s.Subarray.SpareRows),
        F("subarray.spare_columns", new IntegerType(0, 256), "columns", 0,
            "Spare columns fabricated right of the array, on a wider column mux (priced as columns; used with repair.mode map+spares).",
            s => s.Subarray.SpareColumns),

        F("readout.adc_type", ChoiceType.For(
                ("multilevel_sense_amp", AdcKind.MultiLevelSenseAmp), ("sar", AdcKind.Sar), ("flash", AdcKind.Flash)), "", AdcKind.MultiLevelSenseAmp,
            "Column ADC: multi-level current sense amplifier, SAR or voltage flash.", s => s.Readout.AdcKind),
        F("readout.adc_bits", new IntegerType(1, 10), "bits", 5,
            "ADC resolution: 2^bits output levels.", s => s.Readout.AdcBits),
        F("readout.columns_per_adc", new IntegerType(1, 4096, powerOfTwo: true), "columns", 8,
            "Columns sharing one ADC through a column mux (at most subarray.columns).", s => s.Readout.ColumnsPerAdc),
        F("readout.input_bits", new IntegerType(1, 16), "bits", 8,
            "Precision of multi-bit inputs, fed bit-serially one bit plane per read.", s => s.Readout.InputBits),
        F("readout.input_quantization", ChoiceType.For(("dynamic", InputQuantization.Dynamic), ("static", InputQuantization.Static)), "", InputQuantization.Dynamic,
            "Multi-bit input quantisation: per image over its own min..max, or over the fixed range below.",
            s => s.Readout.InputQuantization),
        F("readout.input_range_min", new NumberType(), "input units", 0.0,
            "Static quantisation: input value mapped to code 0.", s => s.Readout.InputRangeMin),
        F("readout.input_range_max", new NumberType(), "input units", 1.0,
            "Static quantisation: input value mapped to the top code.", s => s.Readout.InputRangeMax),

        F("clock.mode", ChoiceType.For(("sensing_path", ClockMode.SensingPath), ("fixed", ClockMode.Fixed)), "", ClockMode.SensingPath,
            "Clock period set by the slowest sensing path, or fixed by clock.period_ns.", s => s.Clock.Mode),
        F("clock.period_ns", Positive, "ns", null,
            "Clock period when clock.mode is fixed (required then, ignored otherwise).", s => s.Clock.PeriodNs),
        F("clock.sensing_margin", new NumberType(1), "", 1.4,
            "Factor on the slowest sensing path when clock.mode is sensing_path.", s => s.Clock.SensingMargin),
        F("clock.min_period_ns", Positive, "ns", 1.0,
            "Shortest clock period when clock.mode is sensing_path.", s => s.Clock.MinPeriodNs),

        F("pipeline.mode", ChoiceType.For(("layer_pipelined", PipelineMode.LayerPipelined), ("layer_by_layer", PipelineMode.LayerByLayer)), "", PipelineMode.LayerPipelined,
            "Layers run at once, pipelined across their tiles, or one after the other.", s => s.Pipeline.Mode),
        F("pipeline.duplication.mode", ChoiceType.For(("auto", DuplicationMode.Auto), ("fixed", DuplicationMode.Fixed)), "", DuplicationMode.Auto,
            "Weight duplication: auto balances the pipeline, fixed gives every layer the same number of copies.",
            s => s.Pipeline.Duplication.Mode),
        F("pipeline.duplication.degree", new IntegerType(1, 4096), "copies", 1,
            "Fixed mode: copies of every layer's weights (1 = no duplication).", s => s.Pipeline.Duplication.Degree),
        F("pipeline.duplication.max_copies", new IntegerType(1, 4096), "copies", 8,
            "Auto mode: most copies of any one layer.", s => s.Pipeline.Duplication.MaxCopies),
        F("pipeline.duplication.tile_budget", new IntegerType(1, 1 << 20, keyword: "unlimited"), "tiles", null,
            "Auto mode: most tiles all layers and their copies may use together.", s => s.Pipeline.Duplication.TileBudget),

        F("non_idealities.seed", new IntegerType(0, int.MaxValue), "", 1,
            "Seed of the random draws for every effect below.", s => s.NonIdealities.Seed),
        F("non_idealities.device_variation.distribution", ChoiceType.For(("lognormal", VariationDistribution.LogNormal), ("gaussian", VariationDistribution.Gaussian)), "",
            VariationDistribution.LogNormal,
            "Distribution of device-to-device conductance variation.", s => s.NonIdealities.DeviceVariation.Distribution),
        F("non_idealities.device_variation.sigma", Sigma, "", 0.0,
            "Device-to-device σ: of ln G (lognormal) or of G relative to G (gaussian); 0 = none.", s => s.NonIdealities.DeviceVariation.Sigma),
        F("non_idealities.read_noise_sigma", Sigma, "", 0.0,
            "Cycle-to-cycle read noise: σ of G per read, relative to G; 0 = none.", s => s.NonIdealities.ReadNoiseSigma),
        F("non_idealities.finite_on_off_ratio", new BooleanType(), "", false,
            "true: off cells conduct 1/R_off; false (ideal): off cells conduct nothing.", s => s.NonIdealities.FiniteOnOffRatio),
        F("non_idealities.stuck_at_on_rate", Fraction, "", 0.0,
            "Fraction of cells stuck at G_on.", s => s.NonIdealities.StuckAtOnRate),
        F("non_idealities.stuck_at_off_rate", Fraction, "", 0.0,
            "Fraction of cells stuck at G_off.", s => s.NonIdealities.StuckAtOffRate),
        F("non_idealities.drift.read_time_s", NonNegative, "s", 0.0,
            "Time from programming to the read; 0 = no drift.", s => s.NonIdealities.Drift.ReadTimeS),
        F("non_idealities.drift.reference_time_s", Positive, "s", 1.0,
            "Reference time t0 of G(t) = G(t0)·(t/t0)^(−ν).", s => s.NonIdealities.Drift.ReferenceTimeS),
        F("non_idealities.drift.nu", Fraction, "", 0.0,
            "Mean drift exponent ν.", s => s.NonIdealities.Drift.Nu),
        F("non_idealities.drift.nu_sigma", Fraction, "", 0.0,
            "σ of ν from cell to cell.", s => s.NonIdealities.Drift.NuSigma),
        F("non_idealities.ir_drop.wire_resistance_ohm", NonNegative, "Ω", 0.0,
            "Word- and bit-line wire resistance of one cell's segment; 0 = no IR drop.", s => s.NonIdealities.WireResistanceOhm),
        F("non_idealities.adc.offset_sigma_lsb", NonNegative, "LSB", 0.0,
            "σ of each ADC's offset.", s => s.NonIdealities.Adc.OffsetSigmaLsb),
        F("non_idealities.adc.gain_error_sigma", Fraction, "", 0.0,
            "σ of each ADC's relative gain error (0.01 = 1 %).", s => s.NonIdealities.Adc.GainErrorSigma),
        F("non_idealities.adc.noise_sigma_lsb", NonNegative, "LSB", 0.0,
            "σ of the noise added to every conversion.", s => s.NonIdealities.Adc.NoiseSigmaLsb),

        F("cost.accounting", ChoiceType.For(("physical", CostAccounting.Physical), ("neurosim_v1_3", CostAccounting.NeuroSimV13)), "", CostAccounting.Physical,
            "How bnnc cost charges the chip: physical (what the mapped chip does) or neurosim_v1_3 (as DNN+NeuroSim V1.3 charges it; docs/cost-model.md).",
            s => s.Cost.Accounting),
        F("repair.mode", ChoiceType.For([.. RepairModes.All.Select(m => (RepairModes.Word(m), m))]), "", RepairMode.None,
            "Defect repair: none (naive mapping), fault-aware mapping, with the spare rows and columns, and column references calibrated on a calibration set.",
            s => s.Repair.Mode),
        F("repair.calibration_images", new IntegerType(1, 100000), "images", 200,
            "Images of the calibration set (held apart from the test set) the column references are fitted on.", s => s.Repair.CalibrationImages),
        F("repair.max_columns", new IntegerType(8, 4096, powerOfTwo: true, keyword: "all"), "columns", null,
            "Columns of each subarray a layer's block may use, those nearest the row drivers (the rest stay Off, so the row lines stay electrically short against IR drop; more subarrays); all uses every column. Unset, map+spares+calibrate chooses it with subarray.parallel_rows from the wire resistance (docs/repair.md).",
            s => s.Repair.MaxColumns),
    ];

    private static readonly Dictionary<string, FieldDescriptor> ByPath = Fields.ToDictionary(f => f.Path, StringComparer.Ordinal);

    /// <summary>Every section path ("technology", "chip.tiles", …), parents before children.</summary>
    public static IReadOnlyList<string> Sections { get; } = Fields
        .SelectMany(f => Prefixes(f.Path))
        .Distinct(StringComparer.Ordinal)
        .ToList();

    private static readonly HashSet<string> SectionSet = new(Sections, StringComparer.Ordinal);

    /// <summary>The key at a dotted path, or null when there is none (sections are not keys).</summary>
    public static FieldDescriptor? Find(string path) => ByPath.GetValueOrDefault(path);

    public static bool IsSection(string path) => SectionSet.Contains(path);

    /// <summary>The names directly inside a section ("" for the top level): its keys and sub-sections, in schema order.</summary>
    public static IReadOnlyList<string> ChildrenOf(string section)
    {
        var prefix = section.Length == 0 ? "" : section + ".";
        return Fields
            .Select(f => f.Path)
            .Where(p => p.StartsWith(prefix, StringComparison.Ordinal))
            .Select(p => p[prefix.Length..].Split('.')[0])
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static IEnumerable<string> Prefixes(string path)
    {
        for (var dot = path.IndexOf('.'); dot >= 0; dot = path.IndexOf('.', dot + 1))
        {
            yield return path[..dot];
        }
    }

    /// <summary>rows and columns of a grid of units; both auto (null grid) or both numbers.</summary>
    private static FieldDescriptor[] Grid(string section, string unit, string? within, string autoMeans, Func<HardwareSpec, GridSpec?> grid)
    {
        var where = within is null ? "" : $" in {within}";
        return
        [
            F(section + ".rows", GridSide, unit + "s", null, $"Rows of the {unit} grid{where}; {autoMeans}.", s => grid(s)?.Rows),
            F(section + ".columns", GridSide, unit + "s", null, $"Columns of the {unit} grid{where}; {autoMeans}.", s => grid(s)?.Columns),
        ];
    }

    /// <summary>kind and size_kib of a buffer.</summary>
    private static FieldDescriptor[] Buffer(string section, string what, string autoHolds, Func<HardwareSpec, BufferSpec> buffer) =>
    [
        F(section + ".kind", BufferKinds, "", BufferKind.RegisterFile, $"Circuit of {what}.", s => buffer(s).Kind),
        F(section + ".size_kib", BufferSize, "KiB", null, $"Capacity of {what}; auto sizes it to {autoHolds}.", s => buffer(s).SizeKib),
    ];

    private static FieldDescriptor F(string path, FieldType type, string unit, object? @default, string description, Func<HardwareSpec, object?> read) =>
        new(path, type, unit, @default, description, read);
}
