using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Hardware;

namespace BnnCompiler.Evaluation.NeuroSim;

/// <summary>
/// The configuration at which the NeuroSim-compatible accounting's circuit figures (<c>NeuroSimCircuitFigures</c>:
/// clock, subarray height, read, transfer and leakage figures) were evaluated from NeuroSim V1.3: 22 nm LSTP, RRAM
/// 1T1R with R_on 6 kΩ and on/off 150, 128 × 128 subarrays read all rows at once, multi-level sense amplifiers shared
/// by 8 columns. On another spec the accounting still follows NeuroSim's counting rules (floorplan, duplication, what
/// is charged when), but its circuit figures stay the study configuration's; <see cref="Check"/> says which keys depart.
/// </summary>
public static class NeuroSimStudyConfiguration
{
    /// <summary>The configuration's values, as the spec writes them.</summary>
    private static readonly (string Key, string Value)[] Configuration =
    [
        ("technology.node_nm", "22"), ("technology.device_roadmap", "lstp"), ("cell.type", "rram"), ("cell.access", "transistor"),
        ("cell.r_on_ohm", "6000"), ("cell.r_off_ohm", "900000"), ("subarray.rows", "128"), ("subarray.columns", "128"),
        ("readout.adc_type", "multilevel_sense_amp"), ("readout.columns_per_adc", "8"),
    ];

    /// <summary>The spec keys whose values differ from the configuration the circuit figures belong to, each as
    /// "key value (figures at X)"; empty when the spec is that configuration.</summary>
    public static IReadOnlyList<string> Departures(HardwareSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var departures = new List<string>();
        foreach (var (key, expected) in Configuration)
        {
            var field = HardwareSpecSchema.Find(key) ?? throw new InvalidOperationException($"no spec key {key}");
            var actual = field.Type.Format(field.ValueIn(spec));
            if (actual != expected)
            {
                departures.Add($"{key} {actual} (figures at {expected})");
            }
        }

        if (spec.Subarray.ParallelRows != spec.Subarray.Rows)
        {
            departures.Add($"subarray.parallel_rows {spec.Subarray.ParallelRows} (figures at all)");
        }

        return departures;
    }

    /// <summary>The warnings (BNN8005) for the specs a command prices with the compatible accounting, one per distinct
    /// departure (a sweep's points share most of theirs); specs under the physical accounting give none.</summary>
    public static IReadOnlyList<Diagnostic> Warnings(IEnumerable<HardwareSpec> specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        return specs.Where(s => s.Cost.Accounting == CostAccounting.NeuroSimV13).Select(Check).OfType<Diagnostic>()
            .DistinctBy(d => d.Message).ToList();
    }

    /// <summary>A warning (BNN8005) naming the departing keys, or null when the spec is the figures' configuration.</summary>
    public static Diagnostic? Check(HardwareSpec spec)
    {
        var departures = Departures(spec);
        return departures.Count == 0
            ? null
            : Diagnostic.Warning(NeuroSimCodes.FiguresOutsideTheirConfiguration,
                "cost.accounting neurosim_v1_3: its circuit figures (clock, read, transfer, leakage, layout area) are NeuroSim V1.3's at the study's "
                + "configuration; this spec departs at " + string.Join(", ", departures)
                + ", so the figures follow NeuroSim's counting rules only, not its circuits at these values",
                new SourceLocation(spec.SourcePath));
    }
}
