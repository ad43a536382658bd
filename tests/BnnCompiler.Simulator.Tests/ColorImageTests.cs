using BnnCompiler.Core.Interpretation;
using BnnCompiler.Data;
using BnnCompiler.Evaluation;
using BnnCompiler.Hardware;
using BnnCompiler.Isa.Compilation;
using BnnCompiler.Mapping;
using BnnCompiler.Onnx;
using BnnCompiler.Testing;

namespace BnnCompiler.Simulator.Tests;

/// <summary>
/// Three-channel images end to end: a VGG-style 32×32×3 BNN (<see cref="ColorVgg"/>) on seeded images written as
/// .npy files in every layout, element type and with or without labels; ONNX Runtime, the IR interpreter and the
/// crossbar simulator at the ideal configuration agree on every image, and the mapper, timing and cost see the
/// 3·3·3 rows and eight input planes of the image layer.
/// </summary>
public sealed class ColorImageTests : IDisposable
{
    private const int Images = 24;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "bnnc-color-" + Guid.NewGuid().ToString("N"));

    public ColorImageTests() => Directory.CreateDirectory(_dir);

    public static TheoryData<bool, bool, bool, bool> Variants => new()
    {
        // NHWC file, float32 elements, labels beside the file, model takes raw pixels
        { false, false, true, true },
        { true, false, true, true },
        { false, true, false, true },
        { true, true, false, false },
        { false, false, false, false },
        { true, false, true, false },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Should_Agree_With_OnnxRuntime_On_Every_Image(bool nhwc, bool float32, bool labelled, bool rawPixels)
    {
        var model = OnnxFrontend.FromBytes(ColorVgg.Build(seed: 11, rawPixels: rawPixels), "color-vgg.onnx");
        var pixels = ColorVgg.Images(Images, 3, 32, seed: 5);
        var path = Write(pixels, nhwc, float32, labelled ? Labels() : null);
        var data = DatasetCatalog.Load(path, new DataLoadOptions(ModelInput: SampleFeeder.ModelInput(model.Graph)));
        Assert.Equal((Images, 3, 32, 32), (data.Count, data.Channels, data.Height, data.Width));
        Assert.Equal(pixels, data.Pixels.ToArray());
        Assert.Equal(labelled, data.HasLabels);

        var feeder = new SampleFeeder(model.Graph, data, "color-vgg.onnx");
        var reference = ReferenceEvaluator.Compare(model, feeder);
        Assert.Empty(reference.Disagreements);
        Assert.True(reference.OnnxRuntimePredictions.Distinct().Count() >= 3, "the images should not all fall in one or two classes");

        var spec = HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), ["readout.adc_bits=8"]);
        var simulator = new FunctionalSimulator(model.Graph, spec);
        Assert.True(simulator.IsExact);
        var accuracy = AccuracyEvaluator.Run(model, simulator, feeder);
        Assert.Equal(Images, accuracy.Agreeing);
        Assert.Equal(reference.OnnxRuntimePredictions, accuracy.ReferencePredictions);
        if (labelled)
        {
            var byHand = Enumerable.Range(0, Images).Count(i => reference.OnnxRuntimePredictions[i] == Labels()[i]);
            Assert.Equal(byHand, reference.OnnxRuntimeCorrect);
            Assert.Equal(byHand, accuracy.SimulatedCorrect);
        }
        else
        {
            Assert.Null(reference.OnnxRuntimeTop1);
            Assert.Null(accuracy.SimulatedTop1);
        }

        // The exact read-out gives the interpreter's logits, not only its top-1.
        var interpreter = new IrInterpreter(model.Graph);
        for (var i = 0; i < Images; i++)
        {
            Assert.Equal(interpreter.Run(feeder.Sample(i)), simulator.Run(feeder.Sample(i)));
        }
    }

    [Fact]
    public void Should_Map_Time_And_Price_The_Three_Channel_Image_Layer()
    {
        var model = OnnxFrontend.FromBytes(ColorVgg.Build(seed: 11), "color-vgg.onnx");
        var spec = HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), ["readout.adc_bits=8"]);
        var mapping = CrossbarMapper.Map(model.Graph, spec);
        var first = mapping.Layers[0];
        Assert.Equal(27, first.Rows);          // 3 channels × 3 × 3
        Assert.Equal(16, first.Columns);
        Assert.Equal(8, first.InputBits);      // the 8-bit image, bit-serial
        Assert.Equal(32 * 32, first.OutputPixels);

        var program = ProgramCompiler.Compile(mapping);
        var simulator = new FunctionalSimulator(model.Graph, mapping, program);
        var data = new Dataset("gen", 2, 3, 32, 32, ColorVgg.Images(2, 3, 32, seed: 9), null, "generated");
        var feeder = new SampleFeeder(model.Graph, data, "color-vgg.onnx");
        for (var i = 0; i < data.Count; i++)
        {
            simulator.Run(feeder.Sample(i));
        }

        // Per image: one read per output pixel and plane, one conversion per column of each read.
        var counters = simulator.Layers[first.Name].Counters;
        Assert.Equal(2L * 32 * 32 * 8, counters.SubarrayReads);
        Assert.Equal(2L * 32 * 32 * 8 * 16, counters.Conversions);
        var (counts, timing, cycles) = MeasuredActivity.From(mapping, program, simulator);
        var cost = CostModel.Pricing.CostModel.Price(mapping, counts, timing, Circuits.CircuitOptions.Default);
        Assert.True(cycles.LatencyCycles > 0);
        Assert.True(cost.Cost.EnergyUj.Dynamic > 0);
        Assert.Contains(cost.Layers, l => l.Name == first.Name && l.EnergyUj.Dynamic > 0);
    }

    [Fact]
    public void Should_Run_ImageNet_Sized_Images()
    {
        var model = OnnxFrontend.FromBytes(ColorVgg.Build(seed: 3, size: 224, widths: (8, 8, 16)), "color-vgg-224.onnx");
        var pixels = ColorVgg.Images(2, 3, 224, seed: 4);
        var path = Write(pixels, nhwc: true, float32: false, labels: null, size: 224);
        var data = DatasetCatalog.Load(path, new DataLoadOptions(ModelInput: SampleFeeder.ModelInput(model.Graph)));
        Assert.Equal((2, 3, 224, 224), (data.Count, data.Channels, data.Height, data.Width));
        var feeder = new SampleFeeder(model.Graph, data, "color-vgg-224.onnx");
        var spec = HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), ["readout.adc_bits=8"]);
        var accuracy = AccuracyEvaluator.Run(model, new FunctionalSimulator(model.Graph, spec), feeder);
        Assert.Equal(2, accuracy.Agreeing);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static long[] Labels() => Enumerable.Range(0, Images).Select(i => (long)((i * 7) % 10)).ToArray();

    /// <summary>Writes the N×3×S×S images as an *_input.npy, transposed to NHWC and/or as float32 on request, with labels beside.</summary>
    private string Write(byte[] nchw, bool nhwc, bool float32, long[]? labels, int size = 32)
    {
        var count = nchw.Length / (3 * size * size);
        var bytes = nhwc ? ToNhwc(nchw, count, 3, size * size) : nchw;
        int[] shape = nhwc ? [count, size, size, 3] : [count, 3, size, size];
        var stem = Path.Combine(_dir, $"{(nhwc ? "nhwc" : "nchw")}-{(float32 ? "f4" : "u1")}-{size}");
        if (float32)
        {
            NpyWriter.Write(stem + "_input.npy", shape, bytes.Select(b => (float)b).ToArray());
        }
        else
        {
            NpyWriter.Write(stem + "_input.npy", shape, bytes);
        }

        if (labels is not null)
        {
            NpyWriter.Write(stem + "_expected.npy", [labels.Length], labels);
        }

        return stem + "_input.npy";
    }

    private static byte[] ToNhwc(byte[] nchw, int count, int channels, int pixels)
    {
        var result = new byte[nchw.Length];
        for (var n = 0; n < count; n++)
        {
            for (var c = 0; c < channels; c++)
            {
                for (var p = 0; p < pixels; p++)
                {
                    result[(((n * pixels) + p) * channels) + c] = nchw[(((n * channels) + c) * pixels) + p];
                }
            }
        }

        return result;
    }
}
