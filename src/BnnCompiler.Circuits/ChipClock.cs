using BnnCompiler.Circuits.Components;
using BnnCompiler.Circuits.Technology;
using BnnCompiler.Hardware;

namespace BnnCompiler.Circuits;

/// <summary>
/// The chip's clock period: the spec's fixed period, or the slowest sensing path (row drive, column mux, ADC)
/// times the sensing margin, never below the minimum period. The one clock model: the compiler, the timing engine,
/// the analytical stage model and the price list all take their period from here.
/// </summary>
public static class ChipClock
{
    /// <summary>The clock period in ns of a chip built to <paramref name="spec"/>.</summary>
    public static double PeriodNs(HardwareSpec spec, CircuitOptions options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        if (spec.Clock.Mode == ClockMode.Fixed)
        {
            return spec.Clock.PeriodNs!.Value;
        }

        var tech = TechnologyTable.For(spec.Technology);
        var row = RowPeripheryModel.PerRow(spec.Subarray.Physical, spec.Cell, tech, RowWriteVoltageV(spec, options));
        var mux = ColumnMuxModel.PerAdc(spec.MuxInputsPerAdc, tech);
        var adc = AdcModel.For(spec.Readout.AdcKind, spec.Readout.AdcBits, tech);
        return PeriodNs(spec, SensingPathNs(row, mux, adc));
    }

    /// <summary>The clock period in ns given the sensing path's delay.</summary>
    public static double PeriodNs(HardwareSpec spec, double sensingPathNs) => spec.Clock.Mode == ClockMode.Fixed
        ? spec.Clock.PeriodNs!.Value
        : Math.Max(spec.Clock.MinPeriodNs, spec.Clock.SensingMargin * sensingPathNs);

    /// <summary>Delay of one sensing: row drive, column mux and one ADC conversion in series, in ns.</summary>
    public static double SensingPathNs(UnitCost row, UnitCost mux, UnitCost adc) => row.LatencyNs + mux.LatencyNs + adc.LatencyNs;

    /// <summary>The write voltage the row periphery is built for: SRAM rows need no level shifter.</summary>
    public static double RowWriteVoltageV(HardwareSpec spec, CircuitOptions options) =>
        spec.Cell.Type == CellType.Sram ? 0 : options.WriteVoltageV;
}
