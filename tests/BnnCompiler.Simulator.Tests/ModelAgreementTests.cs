using BnnCompiler.Data;
using BnnCompiler.Evaluation;
using BnnCompiler.Hardware;
using BnnCompiler.Onnx;
using BnnCompiler.Testing;

namespace BnnCompiler.Simulator.Tests;

/// <summary>
/// The ideal configuration (ADC resolving every count, full input precision) agrees with ONNX Runtime on
/// every prediction, and coarser read-outs lose accuracy in the expected direction.
/// </summary>
public sealed class ModelAgreementTests
{
    private static readonly string Tfc = RepoPaths.ExternalModel("tfc-w1a1/TFC_1W1A.qonnx.onnx");

    [Fact]
    public void Should_Agree_With_OnnxRuntime_On_All_MNIST_Digits_When_Ideal()
    {
        var model = OnnxFrontend.Load(Tfc);
        var spec = HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), ["readout.adc_bits=8"]);
        var simulator = new FunctionalSimulator(model.Graph, spec);

        var result = AccuracyEvaluator.Run(model, simulator, new SampleFeeder(model.Graph, DatasetCatalog.Load("mnist"), Tfc));

        Assert.True(simulator.IsExact);
        Assert.Equal(10_000, result.Agreeing);
        Assert.Equal(9294, result.SimulatedCorrect);
    }

    [Fact]
    public void Should_Lose_Accuracy_As_The_ADC_Coarsens()
    {
        var model = OnnxFrontend.Load(Tfc);
        // Every fourth digit: the shipped MNIST file is ordered by class, so a prefix would hold only 0s and 1s.
        var all = DatasetCatalog.Load("mnist");
        var data = all.Select(Enumerable.Range(0, all.Count / 4).Select(i => i * 4).ToList(), "mnist-every-4th");
        double Top1(int bits)
        {
            var spec = HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), [$"readout.adc_bits={bits}"]);
            return AccuracyEvaluator.Run(model, new FunctionalSimulator(model.Graph, spec), new SampleFeeder(model.Graph, data, Tfc)).SimulatedTop1!.Value;
        }

        var (a7, a4, a3, a2) = (Top1(7), Top1(4), Top1(3), Top1(2));
        Assert.True(a7 > a3 + 0.02, $"ADC 7: {a7:P2}, ADC 3: {a3:P2}");
        Assert.True(a4 >= a3 && a3 > a2, $"ADC 4: {a4:P2}, 3: {a3:P2}, 2: {a2:P2}");
    }
}
