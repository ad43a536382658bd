using BnnCompiler.Data;
using BnnCompiler.Evaluation;
using BnnCompiler.Evaluation.Sweep;
using BnnCompiler.Hardware;
using BnnCompiler.Onnx;
using BnnCompiler.Testing;

namespace BnnCompiler.Cli.Tests;

/// <summary>
/// A variation sweep with Monte-Carlo trials on a small model: the TFC MLP (shared/models) over 300 MNIST
/// digits, the first 30 of each class, with σ of ln G at 0, 0.3 and 0.6
/// and three trials per point. Accuracy falls as σ rises, beyond the trials' confidence intervals.
/// </summary>
public sealed class MonteCarloVariationSweepTests
{
    [Fact]
    public void Should_Lose_Accuracy_As_Device_Variation_Rises()
    {
        // Given the TFC MLP and a class-balanced set of digits
        var model = OnnxFrontend.Load(RepoPaths.ExternalModel("tfc-w1a1/TFC_1W1A.qonnx.onnx"));
        var digits = DatasetCatalog.Load("mnist");
        var indices = Enumerable.Range(0, 10).SelectMany(c => Enumerable.Range(0, digits.Count).Where(i => digits.Label(i) == c).Take(30)).ToList();
        var data = digits.Select(indices, "mnist-balanced");
        Assert.All(data.LabelHistogram(), count => Assert.Equal(30, count));
        var spec = HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), []);
        var points = SweepGrid.Build([("non_idealities.device_variation.sigma", "0,0.3,0.6")]);

        // When each point runs three trials
        var rows = new SweepRunner(model, spec, new SampleFeeder(model.Graph, data, model.Path), trials: 3).Run(points).ToList();

        // Then the ideal point has no spread, and each larger σ has a lower mean whose interval lies below the
        // previous point's mean
        var mc = rows.Select(r => r.MonteCarlo!).ToList();
        Assert.Equal(0, mc[0].StdTop1);
        Assert.Equal(rows[0].SimulatedTop1!.Value, mc[0].MeanTop1, 12);
        for (var k = 1; k < mc.Count; k++)
        {
            Assert.True(mc[k].Ci95High < mc[k - 1].MeanTop1,
                $"σ {rows[k].Knobs.Values.Single()}: CI [{mc[k].Ci95Low:F4}, {mc[k].Ci95High:F4}] against {mc[k - 1].MeanTop1:F4} at the previous σ");
        }
    }
}
