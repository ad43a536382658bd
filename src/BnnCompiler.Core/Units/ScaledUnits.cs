using System.Globalization;

namespace BnnCompiler.Core.Units;

/// <summary>
/// Formats a quantity in the unit that keeps its number readable, for text reports: energy in pJ, nJ, µJ, mJ or J;
/// time in ns, µs, ms or s; area in µm² or mm². Four significant digits (whole numbers from 1,000 up, with
/// thousands separators); zero prints in the smallest unit. JSON keeps its fixed units; this is for people.
/// </summary>
/// <example><c>Energy(0.001234)</c> is "1.234 nJ"; <c>Time(1308)</c> is "1.308 µs"; <c>Area(0.0042)</c> is "4,200 µm²".</example>
public static class ScaledUnits
{
    private static readonly (string Name, double Scale, double From)[] EnergyUnits =
        [("pJ", 1e-6, 0), ("nJ", 1e-3, 1), ("µJ", 1, 1), ("mJ", 1e3, 1), ("J", 1e6, 1)];

    private static readonly (string Name, double Scale, double From)[] TimeUnits =
        [("ns", 1, 0), ("µs", 1e3, 1), ("ms", 1e6, 1), ("s", 1e9, 1)];

    // mm² from 0.01 mm² (10,000 µm²) up, so a chip of 0.5 mm² does not print as 500,000 µm².
    private static readonly (string Name, double Scale, double From)[] AreaUnits =
        [("µm²", 1e-6, 0), ("mm²", 1, 0.01)];

    /// <summary>An energy given in microjoules.</summary>
    public static string Energy(double microjoules) => Format(microjoules, EnergyUnits);

    /// <summary>A time given in nanoseconds.</summary>
    public static string Time(double nanoseconds) => Format(nanoseconds, TimeUnits);

    /// <summary>A time given in milliseconds (the cost model's latency unit).</summary>
    public static string TimeFromMs(double milliseconds) => Format(milliseconds * 1e6, TimeUnits);

    /// <summary>An area given in square millimetres.</summary>
    public static string Area(double squareMillimetres) => Format(squareMillimetres, AreaUnits);

    private static string Format(double value, (string Name, double Scale, double From)[] units)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return value.ToString(CultureInfo.InvariantCulture) + " " + units[0].Name;
        }

        var unit = units[0];
        foreach (var u in units)
        {
            if (Math.Abs(value) / u.Scale >= u.From)
            {
                unit = u;
            }
        }

        var scaled = value / unit.Scale;
        return Number(scaled) + " " + unit.Name;
    }

    /// <summary>A unitless figure (TOPS, images/s) with four significant digits, so that a small one is not "0.000".</summary>
    public static string Significant(double value) => double.IsFinite(value) ? Number(value) : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Four significant digits; whole numbers with separators from 1,000 up; "0" for zero.</summary>
    private static string Number(double v)
    {
        if (v == 0)
        {
            return "0";
        }

        var magnitude = (int)Math.Floor(Math.Log10(Math.Abs(v)));
        var decimals = Math.Clamp(3 - magnitude, 0, 15);
        var rounded = Math.Round(v, decimals);
        if (rounded != 0 && (int)Math.Floor(Math.Log10(Math.Abs(rounded))) > magnitude)
        {
            decimals = Math.Max(0, decimals - 1);  // 9.9996 rounds to 10.000: keep four digits
        }

        return v.ToString((Math.Abs(rounded) >= 1000 ? "N" : "F") + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
