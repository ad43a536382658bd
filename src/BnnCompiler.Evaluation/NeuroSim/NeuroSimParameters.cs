using System.Globalization;
using System.Text;
using BnnCompiler.Hardware;

namespace BnnCompiler.Evaluation.NeuroSim;

/// <summary>
/// The values of NeuroSim V1.3's compiled-in <c>Param.cpp</c> that a hardware spec implies, as text a user copies
/// into a NeuroSim build: operation mode, cell, resistances, read voltage and pulse, subarray size, ADC, columns per
/// ADC, pipeline and speed-up, mapping, technology, clock cap; with the spec key each one comes from and what
/// NeuroSim cannot express.
/// </summary>
public static class NeuroSimParameters
{
    /// <summary>The parameter listing for <paramref name="spec"/>.</summary>
    public static string Describe(HardwareSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var s = new StringBuilder();
        void Line(string name, object value, string source) =>
            s.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{name,-26} = {value,-12} // {source}"));

        s.AppendLine($"# NeuroSim V1.3 Param.cpp values implied by the spec '{spec.Name}' ({spec.SourcePath})");
        var parallel = spec.Subarray.ParallelRows >= spec.Subarray.Rows;
        Line("operationmode", parallel ? 2 : 1, parallel
            ? "conventional parallel read (subarray.parallel_rows: all)"
            : $"conventional sequential read (subarray.parallel_rows: {spec.Subarray.ParallelRows}; V1.3 reads one row at a time)");
        Line("memcelltype", spec.Cell.Type switch { CellType.Sram => 1, CellType.Rram => 2, _ => 3 }, $"cell.type: {spec.Cell.Type}");
        Line("accesstype", spec.Cell.Access == AccessDevice.Transistor ? 1 : 4, $"cell.access: {spec.Cell.Access}");
        Line("deviceroadmap", spec.Technology.DeviceRoadmap == DeviceRoadmap.Hp ? 1 : 2, $"technology.device_roadmap: {spec.Technology.DeviceRoadmap}");
        Line("technode", spec.Technology.NodeNm, "technology.node_nm");
        Line("temp", spec.Technology.TemperatureK, "technology.temperature_k");
        Line("resistanceOn", spec.Cell.ROnOhm, "cell.r_on_ohm");
        Line("resistanceOff", spec.Cell.ROffOhm, $"cell.r_off_ohm (on/off {spec.Cell.OnOffRatio:0.##})");
        Line("readVoltage", spec.Cell.ReadVoltageV, "cell.read_voltage_v");
        Line("readPulseWidth", spec.Cell.ReadPulseNs * 1e-9, "cell.read_pulse_ns");
        Line("cellBit", spec.Cell.BitsPerCell, "cell.bits_per_cell");
        Line("numRowSubArray", spec.Subarray.Rows, "subarray.rows");
        Line("numColSubArray", spec.Subarray.Columns, "subarray.columns");
        Line("SARADC", spec.Readout.AdcKind == AdcKind.Sar ? "true" : "false",
            $"readout.adc_type: {spec.Readout.AdcKind}" + (spec.Readout.AdcKind == AdcKind.Flash ? " (V1.3 has no flash ADC; the MLSA is the nearest)" : ""));
        Line("currentMode", "true", "current-mode multi-level sense amplifier (V1.3 default)");
        Line("levelOutput", spec.Readout.AdcLevels, $"readout.adc_bits: {spec.Readout.AdcBits} (2^bits levels)");
        Line("numColMuxed", spec.Readout.ColumnsPerAdc, "readout.columns_per_adc");
        Line("pipeline", spec.Pipeline.Mode == PipelineMode.LayerPipelined ? "true" : "false", $"pipeline.mode: {spec.Pipeline.Mode}");
        Line("speedUpDegree", spec.Pipeline.Duplication.Mode == DuplicationMode.Auto ? spec.Pipeline.Duplication.MaxCopies : spec.Pipeline.Duplication.Degree,
            $"pipeline.duplication ({spec.Pipeline.Duplication.Mode}); V1.3 caps it at max IFM / min IFM");
        Line("novelMapping", "false", "im2col (conventional) mapping of every layer, as the mapper does");
        Line("globalBufferType", spec.Chip.GlobalBuffer.Kind == BufferKind.Sram ? "true" : "false", $"chip.global_buffer.kind: {spec.Chip.GlobalBuffer.Kind}");
        Line("tileBufferType", spec.Tile.InputBuffer.Kind == BufferKind.Sram ? "true" : "false", $"tile.input_buffer.kind: {spec.Tile.InputBuffer.Kind}");
        Line("peBufferType", spec.Pe.InputBuffer.Kind == BufferKind.Sram ? "true" : "false", $"pe.input_buffer.kind: {spec.Pe.InputBuffer.Kind}");
        Line("synchronous", spec.Clock.Mode == ClockMode.SensingPath ? "true" : "false", $"clock.mode: {spec.Clock.Mode}");
        Line("clkFreq", 1e9 / (spec.Clock.PeriodNs ?? spec.Clock.MinPeriodNs), "clock.min_period_ns (the cap) or clock.period_ns");
        Line("validated", "true", $"calibration factors on (latency factor 1.4; spec clock.sensing_margin {spec.Clock.SensingMargin})");
        s.AppendLine();
        s.AppendLine($"# cell area {spec.Cell.AreaF2} F² (V1.3's 1T1R cell is 4 F × 12 F = 48 F²; crossbar 2 F × 2 F)");
        s.AppendLine($"# weights.mapping: {spec.Weights.Mode}, pair_layout: {spec.Weights.PairLayout}: " + spec.Weights.Mode switch
        {
            WeightMappingMode.OneCellReference => "one cell per weight (NetWork.csv channels as in the model)",
            _ when spec.Weights.PairLayout == PairLayout.Rows => "two rows per ±1 weight (input and complement): NetWork.csv doubles C_in",
            _ => "two columns per ±1 weight: NetWork.csv doubles C_out",
        });
        s.AppendLine($"# chip.interconnect.topology: {spec.Chip.Interconnect} (V1.3 builds an H-tree only)");
        return s.ToString();
    }
}
