namespace BnnCompiler.Circuits.Components;

/// <summary>
/// The cost figures of one instance of a component: its area, the energy of one of its actions, the time one
/// action takes and its standby leakage power.
/// </summary>
/// <param name="AreaUm2">Layout area of one instance in µm².</param>
/// <param name="EnergyPerActionPj">Dynamic energy of one action (a read, a conversion, an addition, one bit moved…) in pJ.</param>
/// <param name="LatencyNs">Time of one action in ns.</param>
/// <param name="LeakageUw">Leakage power of one instance in µW.</param>
public sealed record UnitCost(double AreaUm2, double EnergyPerActionPj, double LatencyNs, double LeakageUw)
{
    public static UnitCost Zero { get; } = new(0, 0, 0, 0);

    /// <summary>Two components side by side: areas, energies and leakage add, the latency is the longer one.</summary>
    public UnitCost Plus(UnitCost other) => new(
        AreaUm2 + other.AreaUm2, EnergyPerActionPj + other.EnergyPerActionPj, Math.Max(LatencyNs, other.LatencyNs), LeakageUw + other.LeakageUw);

    /// <summary>n instances that act together: area, energy and leakage × n, same latency.</summary>
    public UnitCost Times(double n) => new(AreaUm2 * n, EnergyPerActionPj * n, LatencyNs, LeakageUw * n);
}
