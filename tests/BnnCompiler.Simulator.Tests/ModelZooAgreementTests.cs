using BnnCompiler.Data;
using BnnCompiler.Evaluation;
using BnnCompiler.Hardware;
using BnnCompiler.Onnx;
using BnnCompiler.Testing;

namespace BnnCompiler.Simulator.Tests;

/// <summary>
/// Every model shipped in onnx-models/ agrees with ONNX Runtime on every test image when the read-out is
/// ideal, and the trained Fashion-MNIST CNN loses accuracy as the ADC or the input precision coarsens.
/// </summary>
public sealed class ModelZooAgreementTests
{
    public static TheoryData<string> ShippedModels()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.Repo("onnx-models"), "*.onnx").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedModels))]
    public void Should_Agree_With_OnnxRuntime_On_Every_Test_Image_When_Ideal(string file)
    {
        var path = RepoPaths.Repo(Path.Combine("onnx-models", file));
        var model = OnnxFrontend.Load(path);
        var data = DatasetCatalog.Load(file.StartsWith("mnist", StringComparison.Ordinal) ? "mnist-heldout" : "fashion-mnist");
        var spec = HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), ["readout.adc_bits=8", "readout.input_bits=8"]);
        var simulator = new FunctionalSimulator(model.Graph, spec);

        var result = AccuracyEvaluator.Run(model, simulator, new SampleFeeder(model.Graph, data, path));

        Assert.True(simulator.IsExact);
        Assert.Equal(data.Count, result.Agreeing);
    }

    [Fact]
    public void Should_Lose_Accuracy_With_Fewer_ADC_Or_Input_Bits_On_The_Trained_CNN()
    {
        var path = RepoPaths.Repo("onnx-models/fmnist-cnn.onnx");
        var model = OnnxFrontend.Load(path);
        var all = DatasetCatalog.Load("fashion-mnist");
        var data = all.Select(Enumerable.Range(0, all.Count / 5).Select(i => i * 5).ToList(), "fashion-mnist-every-5th");
        double Top1(int inputBits, int adcBits)
        {
            var spec = HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), [$"readout.adc_bits={adcBits}", $"readout.input_bits={inputBits}"]);
            return AccuracyEvaluator.Run(model, new FunctionalSimulator(model.Graph, spec), new SampleFeeder(model.Graph, data, path)).SimulatedTop1!.Value;
        }

        var ideal = Top1(8, 8);
        var adc3 = Top1(8, 3);
        var input1 = Top1(1, 8);
        Assert.True(adc3 < ideal - 0.02, $"ADC 3 bits: {adc3:P2}; ideal: {ideal:P2}");
        Assert.True(input1 < ideal - 0.02, $"1-bit input: {input1:P2}; ideal: {ideal:P2}");
    }
}
