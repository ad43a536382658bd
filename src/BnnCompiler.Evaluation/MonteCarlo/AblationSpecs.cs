using BnnCompiler.Hardware;
using BnnCompiler.Simulator;

namespace BnnCompiler.Evaluation.MonteCarlo;

/// <summary>
/// Specs for an ablation: the ideal spec (every non-ideality off, everything else as given) and, for each
/// effect of <c>non_idealities</c>, the ideal spec with that one effect put back at the given magnitudes.
/// The seed is kept, so an effect alone draws from the same streams as in the full spec.
/// </summary>
public static class AblationSpecs
{
    /// <summary>The effects in the order of the spec's <c>non_idealities</c> section.</summary>
    public static IReadOnlyList<string> EffectNames { get; } =
        ["device_variation", "read_noise", "finite_on_off_ratio", "stuck_at", "drift", "ir_drop", "adc"];

    /// <summary>The spec with every non-ideality off (drift off by a zero read time).</summary>
    public static HardwareSpec Ideal(HardwareSpec spec)
    {
        var n = spec.NonIdealities;
        return spec with
        {
            NonIdealities = n with
            {
                DeviceVariation = n.DeviceVariation with { Sigma = 0 },
                ReadNoiseSigma = 0,
                FiniteOnOffRatio = false,
                StuckAtOnRate = 0,
                StuckAtOffRate = 0,
                Drift = n.Drift with { ReadTimeS = 0 },
                WireResistanceOhm = 0,
                Adc = n.Adc with { OffsetSigmaLsb = 0, GainErrorSigma = 0, NoiseSigmaLsb = 0 },
            },
        };
    }

    /// <summary>One entry per effect in <see cref="EffectNames"/> order, active or not.</summary>
    public static IReadOnlyList<AblationEffect> Effects(HardwareSpec spec)
    {
        var n = spec.NonIdealities;
        var ideal = Ideal(spec);
        var i = ideal.NonIdealities;
        AblationEffect Effect(string name, string keys, bool active, NonIdealitySpec only) =>
            new(name, keys, active, ideal with { NonIdealities = only });

        return
        [
            Effect("device_variation", "device_variation.*", n.DeviceVariation.Sigma > 0, i with { DeviceVariation = n.DeviceVariation }),
            Effect("read_noise", "read_noise_sigma", n.ReadNoiseSigma > 0, i with { ReadNoiseSigma = n.ReadNoiseSigma }),
            Effect("finite_on_off_ratio", "finite_on_off_ratio", n.FiniteOnOffRatio, i with { FiniteOnOffRatio = n.FiniteOnOffRatio }),
            Effect("stuck_at", "stuck_at_on_rate, stuck_at_off_rate", n.StuckAtOnRate > 0 || n.StuckAtOffRate > 0,
                i with { StuckAtOnRate = n.StuckAtOnRate, StuckAtOffRate = n.StuckAtOffRate }),
            Effect("drift", "drift.*", n.Drift.IsActive, i with { Drift = n.Drift }),
            Effect("ir_drop", "ir_drop.wire_resistance_ohm", n.WireResistanceOhm > 0, i with { WireResistanceOhm = n.WireResistanceOhm }),
            Effect("adc", "adc.*", !n.Adc.IsIdeal, i with { Adc = n.Adc }),
        ];
    }

    /// <summary>
    /// The spec as given under each repair mode other than its own, named "repair: MODE", when something repairable is on
    /// (stuck cells or IR drop). Modes using spares need <c>subarray.spare_*</c>; calibration needs a calibration set.
    /// </summary>
    public static IReadOnlyList<(string Name, HardwareSpec Spec)> Repairs(HardwareSpec spec, ChipSetup? setup)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var n = spec.NonIdealities;
        if (n.StuckAtOnRate == 0 && n.StuckAtOffRate == 0 && n.WireResistanceOhm == 0)
        {
            return [];
        }

        var spares = spec.HasSpares;
        var calibration = setup?.CalibrationInputs is { Count: > 0 };
        return RepairModes.All
            .Where(m => m != spec.Repair.Mode)
            .Where(m => spares || !(m is RepairMode.MapSpares or RepairMode.MapSparesCalibrate))
            .Where(m => calibration || m != RepairMode.MapSparesCalibrate)
            .Select(m => ("repair: " + RepairModes.Word(m), spec with { Repair = spec.Repair with { Mode = m } }))
            .ToList();
    }
}
