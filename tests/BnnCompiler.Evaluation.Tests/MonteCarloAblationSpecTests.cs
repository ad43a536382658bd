using BnnCompiler.Evaluation.MonteCarlo;
using BnnCompiler.Hardware;
using BnnCompiler.Testing;

namespace BnnCompiler.Evaluation.Tests;

/// <summary>The ablation's specs: one per effect, each with exactly that effect at the given magnitudes.</summary>
public sealed class MonteCarloAblationSpecTests
{
    private static readonly HardwareSpec Rram = HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/rram-nonideal.yaml"),
        ["non_idealities.drift.read_time_s=100", "non_idealities.drift.nu=0.05", "non_idealities.adc.offset_sigma_lsb=0.5"]);

    [Fact]
    public void Should_List_Every_Effect_Once_In_Spec_Order()
    {
        var effects = AblationSpecs.Effects(Rram);

        Assert.Equal(["device_variation", "read_noise", "finite_on_off_ratio", "stuck_at", "drift", "ir_drop", "adc"], effects.Select(e => e.Name));
        Assert.All(effects, e => Assert.True(e.Active, e.Name));
    }

    [Fact]
    public void Should_Turn_Everything_Off_In_The_Ideal_Spec_And_Keep_The_Rest()
    {
        var ideal = AblationSpecs.Ideal(Rram);

        Assert.True(ideal.NonIdealities.IsIdeal);
        Assert.Equal(Rram.NonIdealities.Seed, ideal.NonIdealities.Seed);
        Assert.Equal(Rram with { NonIdealities = ideal.NonIdealities }, ideal);
    }

    [Fact]
    public void Should_Put_Back_Only_Its_Own_Effect_At_The_Spec_Magnitude()
    {
        var n = Rram.NonIdealities;
        var effects = AblationSpecs.Effects(Rram).ToDictionary(e => e.Name, e => e.Spec.NonIdealities);

        Assert.Equal(n.DeviceVariation, effects["device_variation"].DeviceVariation);
        Assert.Equal(0.01, effects["read_noise"].ReadNoiseSigma);
        Assert.True(effects["finite_on_off_ratio"].FiniteOnOffRatio);
        Assert.Equal((0.0904, 0.0175), (effects["stuck_at"].StuckAtOnRate, effects["stuck_at"].StuckAtOffRate));
        Assert.True(effects["drift"].Drift.IsActive);
        Assert.Equal(6, effects["ir_drop"].WireResistanceOhm);
        Assert.Equal(0.5, effects["adc"].Adc.OffsetSigmaLsb);
        Assert.All(effects.Values, only => Assert.Equal(1, ActiveCount(only)));
    }

    [Fact]
    public void Should_Mark_Effects_The_Spec_Leaves_Off_As_Inactive()
    {
        var ideal = HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), ["non_idealities.device_variation.sigma=0.1"]);

        var active = AblationSpecs.Effects(ideal).Where(e => e.Active).Select(e => e.Name);

        Assert.Equal(["device_variation"], active);
    }

    private static int ActiveCount(NonIdealitySpec n) =>
        new[]
        {
            n.DeviceVariation.Sigma > 0, n.ReadNoiseSigma > 0, n.FiniteOnOffRatio, n.StuckAtOnRate > 0 || n.StuckAtOffRate > 0,
            n.Drift.IsActive, n.WireResistanceOhm > 0, !n.Adc.IsIdeal,
        }.Count(b => b);
}
