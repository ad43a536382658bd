namespace BnnCompiler.Hardware;

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
