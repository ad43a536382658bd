namespace BnnCompiler.Hardware;

/// <summary>Turns validated <see cref="SpecValues"/> into the immutable <see cref="HardwareSpec"/>.</summary>
internal static class SpecBuilder
{
    public static HardwareSpec Build(SpecValues v, string sourcePath)
    {
        var rOn = v.Get<double>("cell.r_on_ohm");
        var rOff = v.GetOrNull<double>("cell.on_off_ratio") is { } ratio && v.IsGiven("cell.on_off_ratio")
            ? rOn * ratio
            : v.Get<double>("cell.r_off_ohm");
        var rows = v.Get<int>("subarray.rows");

        var spec = new HardwareSpec
        {
            Version = v.Get<int>("version"),
            Name = v.GetText("name"),
            Technology = new TechnologySpec
            {
                NodeNm = v.Get<int>("technology.node_nm"),
                VddV = v.Get<double>("technology.vdd_v"),
                TemperatureK = v.Get<double>("technology.temperature_k"),
                DeviceRoadmap = v.Get<DeviceRoadmap>("technology.device_roadmap"),
            },
            Cell = new CellSpec
            {
                Type = v.Get<CellType>("cell.type"),
                Access = v.Get<AccessDevice>("cell.access"),
                ROnOhm = rOn,
                ROffOhm = rOff,
                BitsPerCell = v.Get<int>("cell.bits_per_cell"),
                ReadVoltageV = v.Get<double>("cell.read_voltage_v"),
                ReadPulseNs = v.Get<double>("cell.read_pulse_ns"),
                AreaF2 = v.Get<double>("cell.area_f2"),
            },
            Weights = new WeightMappingSpec
            {
                Mode = v.Get<WeightMappingMode>("weights.mapping"),
                PairLayout = v.Get<PairLayout>("weights.pair_layout"),
            },
            Chip = new ChipSpec
            {
                Tiles = Grid(v, "chip.tiles"),
                GlobalBuffer = Buffer(v, "chip.global_buffer"),
                Interconnect = v.Get<InterconnectTopology>("chip.interconnect.topology"),
                BusWidthBits = v.Get<int>("chip.interconnect.bus_width_bits"),
                Floorplan = v.Get<FloorplanRule>("chip.floorplan"),
            },
            Tile = new TileSpec
            {
                Pes = Grid(v, "tile.pes"),
                InputBuffer = Buffer(v, "tile.input_buffer"),
                OutputBuffer = Buffer(v, "tile.output_buffer"),
            },
            Pe = new PeSpec
            {
                Subarrays = Grid(v, "pe.subarrays"),
                InputBuffer = Buffer(v, "pe.input_buffer"),
                OutputBuffer = Buffer(v, "pe.output_buffer"),
                AdderTreeBits = v.GetOrNull<int>("pe.adder_tree_bits"),
                SpareSubarrays = v.Get<int>("pe.spare_subarrays"),
            },
            Subarray = new SubarraySpec
            {
                Rows = rows,
                Columns = v.Get<int>("subarray.columns"),
                ParallelRows = v.GetOrNull<int>("subarray.parallel_rows") ?? rows,
                SpareRows = v.Get<int>("subarray.spare_rows"),
                SpareColumns = v.Get<int>("subarray.spare_columns"),
            },
            Readout = new ReadoutSpec
            {
                AdcKind = v.Get<AdcKind>("readout.adc_type"),
                AdcBits = v.Get<int>("readout.adc_bits"),
                ColumnsPerAdc = v.Get<int>("readout.columns_per_adc"),
                InputBits = v.Get<int>("readout.input_bits"),
                InputQuantization = v.Get<InputQuantization>("readout.input_quantization"),
                InputRangeMin = v.Get<double>("readout.input_range_min"),
                InputRangeMax = v.Get<double>("readout.input_range_max"),
            },
            Clock = new ClockSpec
            {
                Mode = v.Get<ClockMode>("clock.mode"),
                PeriodNs = v.GetOrNull<double>("clock.period_ns"),
                SensingMargin = v.Get<double>("clock.sensing_margin"),
                MinPeriodNs = v.Get<double>("clock.min_period_ns"),
            },
            Pipeline = new PipelineSpec
            {
                Mode = v.Get<PipelineMode>("pipeline.mode"),
                Duplication = new DuplicationSpec
                {
                    Mode = v.Get<DuplicationMode>("pipeline.duplication.mode"),
                    Degree = v.Get<int>("pipeline.duplication.degree"),
                    MaxCopies = v.Get<int>("pipeline.duplication.max_copies"),
                    TileBudget = v.GetOrNull<int>("pipeline.duplication.tile_budget"),
                },
            },
            NonIdealities = new NonIdealitySpec
            {
                Seed = v.Get<int>("non_idealities.seed"),
                DeviceVariation = new VariationSpec
                {
                    Distribution = v.Get<VariationDistribution>("non_idealities.device_variation.distribution"),
                    Sigma = v.Get<double>("non_idealities.device_variation.sigma"),
                },
                ReadNoiseSigma = v.Get<double>("non_idealities.read_noise_sigma"),
                FiniteOnOffRatio = v.Get<bool>("non_idealities.finite_on_off_ratio"),
                StuckAtOnRate = v.Get<double>("non_idealities.stuck_at_on_rate"),
                StuckAtOffRate = v.Get<double>("non_idealities.stuck_at_off_rate"),
                Drift = new DriftSpec
                {
                    ReadTimeS = v.Get<double>("non_idealities.drift.read_time_s"),
                    ReferenceTimeS = v.Get<double>("non_idealities.drift.reference_time_s"),
                    Nu = v.Get<double>("non_idealities.drift.nu"),
                    NuSigma = v.Get<double>("non_idealities.drift.nu_sigma"),
                },
                WireResistanceOhm = v.Get<double>("non_idealities.ir_drop.wire_resistance_ohm"),
                Adc = new AdcNonIdealitySpec
                {
                    OffsetSigmaLsb = v.Get<double>("non_idealities.adc.offset_sigma_lsb"),
                    GainErrorSigma = v.Get<double>("non_idealities.adc.gain_error_sigma"),
                    NoiseSigmaLsb = v.Get<double>("non_idealities.adc.noise_sigma_lsb"),
                },
            },
            Cost = new CostSpec { Accounting = v.Get<CostAccounting>("cost.accounting") },
            Repair = new RepairSpec
            {
                Mode = v.Get<RepairMode>("repair.mode"),
                CalibrationImages = v.Get<int>("repair.calibration_images"),
                MaxColumns = v.GetOrNull<int>("repair.max_columns"),
            },
            SourcePath = sourcePath,
        };
        return IrDropReadPlan.Apply(spec, v.IsGiven("repair.max_columns"), v.IsGiven("subarray.parallel_rows"));
    }

    private static GridSpec? Grid(SpecValues v, string section) =>
        v.GetOrNull<int>(section + ".rows") is { } rows && v.GetOrNull<int>(section + ".columns") is { } columns
            ? new GridSpec(rows, columns)
            : null;

    private static BufferSpec Buffer(SpecValues v, string section) => new()
    {
        Kind = v.Get<BufferKind>(section + ".kind"),
        SizeKib = v.GetOrNull<double>(section + ".size_kib"),
    };
}
