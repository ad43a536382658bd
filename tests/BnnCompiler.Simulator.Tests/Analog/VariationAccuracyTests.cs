using BnnCompiler.Core;
using BnnCompiler.Data;
using BnnCompiler.Evaluation;
using BnnCompiler.Hardware;
using BnnCompiler.Onnx;
using BnnCompiler.Testing;
using Xunit.Abstractions;

namespace BnnCompiler.Simulator.Tests.Analog;

/// <summary>
/// On the shipped Fashion-MNIST MLP, top-1 accuracy falls as the device-to-device variation σ rises from 0 to 0.3
/// (log-normal, two Monte-Carlo trials per σ, 300 test images), and trials of one seed repeat exactly.
/// </summary>
public sealed class VariationAccuracyTests(ITestOutputHelper output)
{
    private const int Images = 300;
    private const int Trials = 2;

    [Fact]
    public void Should_Lose_Accuracy_As_Variation_Rises()
    {
        var (model, samples, labels) = Load();
        double Top1(double sigma, int trial)
        {
            var spec = HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), [$"non_idealities.device_variation.sigma={sigma}"]);
            var simulator = new FunctionalSimulator(model.Graph, spec, trial);
            var correct = new int[samples.Length];
            Parallel.For(0, samples.Length, i => correct[i] = Top1Of(simulator.Run(samples[i])) == labels[i] ? 1 : 0);
            return correct.Average();
        }

        var sigmas = new[] { 0.0, 0.1, 0.2, 0.3 };
        var accuracy = sigmas.Select(s => Enumerable.Range(0, Trials).Select(t => Top1(s, t)).Average()).ToArray();
        output.WriteLine(string.Join(", ", sigmas.Zip(accuracy, (s, a) => $"σ {s}: {a:P2}")));

        Assert.True(accuracy[1] <= accuracy[0] + 0.01, $"σ 0.1: {accuracy[1]:P2}; ideal {accuracy[0]:P2}");
        Assert.True(accuracy[2] < accuracy[0] - 0.01, $"σ 0.2: {accuracy[2]:P2}; ideal {accuracy[0]:P2}");
        Assert.True(accuracy[3] < accuracy[2], $"σ 0.3: {accuracy[3]:P2}; σ 0.2: {accuracy[2]:P2}");
        Assert.Equal(Top1(0.3, 1), Top1(0.3, 1));
    }

    private static int Top1Of(float[] logits) => Top1.Of(logits);

    private static (ImportedModel Model, float[][] Samples, int[] Labels) Load()
    {
        var path = RepoPaths.Repo("onnx-models/fmnist-mlp.onnx");
        var model = OnnxFrontend.Load(path);
        var all = DatasetCatalog.Load("fashion-mnist");
        var stride = all.Count / Images;
        var data = all.Select(Enumerable.Range(0, Images).Select(i => i * stride).ToList(), "every-nth");
        var feeder = new SampleFeeder(model.Graph, data, path);
        return (model, Enumerable.Range(0, Images).Select(feeder.Sample).ToArray(), Enumerable.Range(0, Images).Select(feeder.Label).ToArray());
    }
}
