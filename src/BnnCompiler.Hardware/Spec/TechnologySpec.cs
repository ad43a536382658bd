namespace BnnCompiler.Hardware;

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
