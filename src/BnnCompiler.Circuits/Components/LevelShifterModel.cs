using BnnCompiler.Circuits.Technology;

namespace BnnCompiler.Circuits.Components;

/// <summary>
/// The write-path level shifter on every word line and bit line of an NVM array: it lifts the logic-level select
/// signal to the write voltage (RRAM SET/RESET: about 2 V, above what core transistors tolerate, 1.5 V). It sits
/// idle during inference but occupies area and leaks. Sizing after NeuroSim's level shifter (a cross-coupled
/// latch and a pull-up stage in thick-oxide I/O transistors): total transistor width ≈ 1400 × W_min, laid out in
/// 2.5× tall rows, plus 44 % for its wiring (NeuroSim's calibration factor α = 1.44 from layout).
/// </summary>
public static class LevelShifterModel
{
    /// <summary>Highest voltage core transistors switch without a level shifter.</summary>
    public const double CoreVoltageLimitV = 1.5;

    /// <summary>Total transistor width of one level shifter in units of W_min.</summary>
    public const double TotalWidthMultiple = 1400;

    public const double WiringFactor = 1.44;

    public static bool Needed(double writeVoltageV) => writeVoltageV > CoreVoltageLimitV;

    /// <summary>One level shifter: area; no read energy; leakage of its low-voltage input stage.</summary>
    public static UnitCost Cost(TechnologyNode tech)
    {
        var area = Gates.WideTransistorAreaUm2(tech, TotalWidthMultiple, 2.5) * WiringFactor;
        return new UnitCost(area, 0, 0, Gates.LeakageUw(tech, 80));
    }
}
