using System.Globalization;
using BnnCompiler.Core;
using BnnCompiler.Data;
using BnnCompiler.Evaluation;
using BnnCompiler.Evaluation.Pipeline;
using BnnCompiler.Hardware;
using BnnCompiler.Onnx;
using BnnCompiler.Onnx.Reference;
using BnnCompiler.Zoo;

namespace BnnCompiler.Benchmark;

/// <summary>
/// The benchmark's CIFAR-sized network: VGG-8 on 32×32×3 (<see cref="VggZoo.Vgg8"/>) with seeded ±1 weights, run on
/// seeded random images by ONNX Runtime and by the simulator (mapped and compiled by the evaluation pipeline) at the
/// ideal configuration and at 4-bit input / 8-bit ADC; prints images/s, the ratios to ONNX Runtime and each
/// simulation's agreement with ONNX Runtime's top-1 (no labels needed: the ideal chip must agree on every image).
/// </summary>
internal static class CifarBenchmark
{
    /// <summary>Seed of the network's weights and BatchNorm parameters.</summary>
    public const int ModelSeed = 0;

    /// <summary>Seed of the images.</summary>
    public const int ImageSeed = 1;

    public static void Run(HardwareSpec ideal, HardwareSpec study, int images, int workers)
    {
        var layout = VggZoo.Vgg8;
        var imported = OnnxFrontend.FromBytes(VggZoo.Build(layout, ModelSeed, graphName: "vgg8"), "vgg8.onnx");
        var data = new Dataset("vgg8-random", images, layout.Channels, layout.Size, layout.Size,
            VggZoo.Images(images, layout.Channels, layout.Size, ImageSeed), null, $"{images} seeded random images (seed {ImageSeed})");
        var feeder = new SampleFeeder(imported.Graph, data, "vgg8.onnx");
        var samples = Enumerable.Range(0, feeder.Count).Select(feeder.Sample).ToArray();
        var index = new Dictionary<float[], int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < samples.Length; i++)
        {
            index[samples[i]] = i;
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CIFAR-sized network: VGG-8 on 32x32x3, {layout.Macs / 1e6:F0} M MACs per image, seeded +-1 weights (seed {ModelSeed}), {data.Description}"));
        var reference = new int[samples.Length];
        var ort = Measured("vgg8 ONNX Runtime (original model)", imported, samples, index, workers, reference);
        var pipeline = new EvaluationPipeline(imported, feeder);
        var rates = new List<(string Name, double Rate, int Agree)>();
        foreach (var (name, spec) in new[] { ("ideal", ideal), ("4b/8b", study) })
        {
            var mapping = pipeline.Map(spec);
            var simulator = pipeline.Simulator(mapping, EvaluationPipeline.Compile(mapping));
            var predictions = new int[samples.Length];
            var label = $"vgg8 simulator, {(name == "ideal" ? "ideal (ADC 8, input 8)" : "4-bit input / 8-bit ADC")}, {Program.PathsOf(simulator)}";
            var rate = Program.Measure(label, samples, workers, (_, s) => predictions[index[s]] = Top1.Of(simulator.Run(s)));
            rates.Add((name, rate, predictions.Where((p, i) => p == reference[i]).Count()));
        }

        foreach (var (name, rate, agree) in rates)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"vgg8 simulator {name,-5} / ONNX Runtime   {rate / ort:F2}x; agreement with ONNX Runtime {agree}/{samples.Length} ({100.0 * agree / samples.Length:F2} %)"));
        }
    }

    /// <summary>ONNX Runtime's rate on the original model, one session per worker; its top-1 of every sample into <paramref name="top1"/>.</summary>
    private static double Measured(string label, ImportedModel model, float[][] samples, Dictionary<float[], int> index, int workers, int[] top1)
    {
        var bytes = CustomOpLowering.LowerToBytes(model);
        var runners = Enumerable.Range(0, workers).Select(_ => new OrtRunner(bytes)).ToArray();
        try
        {
            return Program.Measure(label, samples, workers, (w, s) => top1[index[s]] = Top1.Of(runners[w].Run(s)));
        }
        finally
        {
            foreach (var r in runners)
            {
                r.Dispose();
            }
        }
    }
}
