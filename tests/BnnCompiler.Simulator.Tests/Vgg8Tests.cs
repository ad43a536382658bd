using BnnCompiler.Data;
using BnnCompiler.Evaluation;
using BnnCompiler.Evaluation.Pipeline;
using BnnCompiler.Hardware;
using BnnCompiler.Onnx;
using BnnCompiler.Testing;
using BnnCompiler.Zoo;

namespace BnnCompiler.Simulator.Tests;

/// <summary>
/// The benchmark's CIFAR-sized network (<see cref="VggZoo.Vgg8"/>, seeded ±1 weights, seeded images) runs in ONNX
/// Runtime and on the mapped chip: at the ideal configuration the chip's top-1 equals ONNX Runtime's on every image,
/// and the images do not all land on one class.
/// </summary>
public sealed class Vgg8Tests
{
    [Fact]
    public void TheIdealChipAgreesWithOnnxRuntimeOnEveryImage()
    {
        const int images = 8;
        var layout = VggZoo.Vgg8;
        Assert.Equal(615_917_568, layout.Macs);
        var model = OnnxFrontend.FromBytes(VggZoo.Build(layout, seed: 0, graphName: "vgg8"), "vgg8.onnx");
        var data = new Dataset("random", images, 3, 32, 32, VggZoo.Images(images, 3, 32, seed: 1), null, "seeded");
        var spec = HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), ["readout.adc_bits=8", "readout.input_bits=8"]);
        var run = new EvaluationPipeline(model, new SampleFeeder(model.Graph, data, "vgg8.onnx")).Evaluate(spec);

        Assert.Equal(run.Accuracy.ReferencePredictions, run.Accuracy.SimulatedPredictions);
        Assert.Equal(1.0, run.Accuracy.Agreement);
        Assert.True(run.Accuracy.ReferencePredictions.Distinct().Count() >= 3, string.Join(",", run.Accuracy.ReferencePredictions));
        Assert.Equal(images, run.Activity.Counts.Images);
    }
}
