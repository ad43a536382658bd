using BnnCompiler.Core;
using BnnCompiler.Data;
using BnnCompiler.Evaluation;
using BnnCompiler.Evaluation.MonteCarlo;
using BnnCompiler.Hardware;
using BnnCompiler.Onnx;
using BnnCompiler.Simulator;
using BnnCompiler.Testing;

namespace BnnCompiler.Evaluation.Tests;

/// <summary>
/// Monte-Carlo trials on the TFC MLP (shared/models) over the first 200 held-out MNIST digits (every class): with the ideal spec every trial is
/// the deterministic run; with device variation the same seed repeats every trial's predictions and another
/// seed changes them.
/// </summary>
public sealed class MonteCarloRunnerTests
{
    private static readonly ImportedModel Tfc = OnnxFrontend.Load(RepoPaths.ExternalModel("tfc-w1a1/TFC_1W1A.qonnx.onnx"));
    private static readonly SampleFeeder Feeder = new(Tfc.Graph, DatasetCatalog.Load("mnist-heldout").Take(200), Tfc.Path);
    private static readonly int[] Reference = MonteCarloRunner.ReferencePredictions(Tfc, Feeder);

    private static HardwareSpec Spec(params string[] overrides) => HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), overrides);

    [Fact]
    public void Should_Repeat_The_Deterministic_Run_In_Every_Trial_Of_The_Ideal_Spec()
    {
        // Given the ideal spec at a 3-bit ADC (so the read-out is not exact and the run has errors to repeat)
        var spec = Spec("readout.adc_bits=3");
        var simulator = new FunctionalSimulator(Tfc.Graph, spec);
        var deterministic = Enumerable.Range(0, Feeder.Count).Select(i => Top1.Of(simulator.Run(Feeder.Sample(i)))).ToArray();

        // When four trials run
        var result = MonteCarloRunner.Run(Tfc.Graph, spec, Feeder, 4, Reference);

        // Then every trial predicts exactly what the deterministic run predicts, and the spread is zero
        Assert.Equal(4, result.Trials.Count);
        Assert.All(result.Trials, t => Assert.Equal(deterministic, t.Predictions));
        Assert.Equal(0, result.Top1.StandardDeviation);
        Assert.Equal(result.Top1.Mean, result.Top1.Ci95Low);
        Assert.Equal(result.Top1.Mean, result.Top1.Ci95High);
        var correct = Enumerable.Range(0, Feeder.Count).Count(i => deterministic[i] == Feeder.Label(i));
        Assert.Equal((double)correct / Feeder.Count, result.Top1.Mean, 12);
    }

    [Fact]
    public void Should_Give_The_Same_Trials_For_The_Same_Seed_And_Other_Trials_For_Another()
    {
        var seed1 = Spec("non_idealities.device_variation.sigma=0.3", "non_idealities.seed=1");
        var seed2 = Spec("non_idealities.device_variation.sigma=0.3", "non_idealities.seed=2");

        var first = MonteCarloRunner.Run(Tfc.Graph, seed1, Feeder, 3, Reference);
        var again = MonteCarloRunner.Run(Tfc.Graph, seed1, Feeder, 3, Reference);
        var other = MonteCarloRunner.Run(Tfc.Graph, seed2, Feeder, 3, Reference);

        Assert.Equal(first.Trials.Select(t => t.Predictions), again.Trials.Select(t => t.Predictions));
        Assert.Equal(first.Top1, again.Top1);
        Assert.NotEqual(first.Trials[0].Predictions, first.Trials[1].Predictions);
        Assert.NotEqual(first.Trials.Select(t => t.Predictions), other.Trials.Select(t => t.Predictions));
    }

    [Fact]
    public void Should_Reuse_A_Given_First_Trial_And_Simulate_The_Rest()
    {
        var spec = Spec("non_idealities.device_variation.sigma=0.3");
        var full = MonteCarloRunner.Run(Tfc.Graph, spec, Feeder, 3, Reference);

        var reused = MonteCarloRunner.Run(Tfc.Graph, spec, Feeder, 3, Reference, full.Trials[0].Predictions);

        Assert.Equal(full.Trials.Select(t => t.Predictions), reused.Trials.Select(t => t.Predictions));
    }

    [Fact]
    public void Should_Report_Every_Effect_In_The_Ablation_With_Ideal_And_All_Rows()
    {
        // Given a spec with two effects on
        var spec = Spec("non_idealities.device_variation.sigma=0.3", "non_idealities.stuck_at_off_rate=0.05");

        var rows = AblationRunner.Run(Tfc.Graph, spec, Feeder, 2, Reference);

        // Stuck cells are repairable: the fault-aware mapping follows as a row (no spares, no calibration set here).
        Assert.Equal(["ideal", .. AblationSpecs.EffectNames, "all", "repair: map"], rows.Select(r => r.Effect));
        Assert.Equal(["ideal", "device_variation", "stuck_at", "all", "repair: map"], rows.Where(r => r.Active).Select(r => r.Effect));
        Assert.All(rows.Where(r => !r.Active), r => Assert.Equal((null, 0.0), (r.Top1, r.LostTop1)));
        var ideal = rows[0].Top1!;
        Assert.Equal(1, ideal.Trials);
        Assert.All(rows.Where(r => r.Active && r.Effect != "ideal"), r =>
        {
            Assert.Equal(2, r.Top1!.Trials);
            Assert.Equal(ideal.Mean - r.Top1.Mean, r.LostTop1, 12);
        });
    }
}
