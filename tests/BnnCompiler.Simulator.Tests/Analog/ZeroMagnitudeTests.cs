using BnnCompiler.Core;
using BnnCompiler.Core.Analysis;
using BnnCompiler.Core.Interpretation;
using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;
using BnnCompiler.Data;
using BnnCompiler.Evaluation;
using BnnCompiler.Hardware;
using BnnCompiler.Onnx;
using BnnCompiler.Simulator.Analog;
using BnnCompiler.Simulator.Functional;
using BnnCompiler.Testing;

namespace BnnCompiler.Simulator.Tests.Analog;

/// <summary>
/// With every non-ideality at zero the analog path (cell conductances, count domain, ADC instances) gives exactly
/// the ideal path's layer outputs (partial sums) and predictions, on every shipped model and every weight layout.
/// </summary>
public sealed class ZeroMagnitudeTests
{
    private const int Images = 200;

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
    public void Should_Give_Bit_Identical_Partial_Sums_And_Predictions_On_Every_Shipped_Model(string file)
    {
        // The default spec: 5-bit ADC over 64-row blocks (levels not at every count) and 8-bit dynamic inputs.
        var spec = HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), []);
        Assert.True(spec.NonIdealities.IsIdeal);
        var (model, samples) = Load(file);

        var compared = CompareLayers(model.Graph, spec, samples);
        Assert.NotEmpty(compared);

        var ideal = new FunctionalSimulator(model.Graph, spec);
        var analog = new FunctionalSimulator(model.Graph, spec, trial: 3, analog: true);
        Assert.All(ideal.Layers.Values, l => Assert.IsType<CrossbarLayer>(l.Executor));
        Assert.All(analog.Layers.Values, l => Assert.IsType<AnalogCrossbarLayer>(l.Executor));
        foreach (var sample in samples)
        {
            var expected = ideal.Run(sample);
            var actual = analog.Run(sample);
            Assert.Equal(expected, actual);
            Assert.Equal(Top1.Of(expected), Top1.Of(actual));
        }

        foreach (var (name, layer) in ideal.Layers)
        {
            var other = analog.Layers[name].Counters;
            Assert.Equal(
                (layer.Counters.SubarrayReads, layer.Counters.Conversions, layer.Counters.RowsDriven, layer.Counters.MatchedCells, layer.Counters.ShiftAdds, layer.Counters.PartialSumAdds, layer.Counters.Outputs),
                (other.SubarrayReads, other.Conversions, other.RowsDriven, other.MatchedCells, other.ShiftAdds, other.PartialSumAdds, other.Outputs));
        }
    }

    [Theory]
    [InlineData("weights.mapping=two_cells_parallel", "weights.pair_layout=columns")]
    [InlineData("weights.mapping=two_cells_sequential", "weights.pair_layout=rows")]
    [InlineData("weights.mapping=one_cell_reference", "readout.adc_bits=8")]
    [InlineData("subarray.rows=256", "readout.adc_bits=3")]
    [InlineData("subarray.parallel_rows=32", "readout.adc_bits=3")]
    public void Should_Give_Bit_Identical_Partial_Sums_In_Every_Weight_Layout(string setting, string other)
    {
        var spec = HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), [setting, other]);
        var (model, samples) = Load("fmnist-cnn.onnx");
        Assert.NotEmpty(CompareLayers(model.Graph, spec, samples.Take(40).ToArray()));
    }

    [Fact]
    public void Should_Convert_Each_Row_Group_On_Its_Own_On_Both_Paths()
    {
        // subarray.parallel_rows=16 of 128 (pair in rows: 8 of 64 weight rows a read): the compiled program's row blocks
        // and the analog cells both convert every group of rows on its own, as the timing model prices it. A 4-bit ADC
        // reads 8 rows' counts 0-8 exactly, so a group-wise chip computes the exact layer that the all-rows chip only
        // approximates.
        var (model, samples) = Load("fmnist-cnn.onnx");
        var spec = HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), ["subarray.parallel_rows=16", "readout.adc_bits=4"]);
        Assert.Equal(8, spec.WeightRowsPerRead);
        var ideal = new FunctionalSimulator(model.Graph, spec);
        var analog = new FunctionalSimulator(model.Graph, spec, trial: 0, analog: true);
        var all = new FunctionalSimulator(model.Graph, HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), ["readout.adc_bits=4"]));
        var exact = new FunctionalSimulator(model.Graph, HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), ["readout.adc_bits=10"]));
        var differs = 0;
        foreach (var sample in samples.Take(20))
        {
            var expected = ideal.Run(sample);
            Assert.Equal(expected, analog.Run(sample));
            Assert.Equal(exact.Run(sample), expected);
            differs += all.Run(sample).SequenceEqual(expected) ? 0 : 1;
        }

        Assert.True(differs > 0, "a 4-bit ADC over 64 rows rounds some partial sums");
        foreach (var (name, layer) in ideal.Layers)
        {
            // Every row block of r rows is ⌈r / 8⌉ conversions per column, input bit and pixel.
            var blocks = all.Layers[name].Counters;
            Assert.Equal(layer.Counters.Conversions, analog.Layers[name].Counters.Conversions);
            Assert.True(layer.Counters.Conversions >= blocks.Conversions, name);
            Assert.Equal(blocks.RowsDriven, layer.Counters.RowsDriven);
        }

        Assert.Contains(ideal.Layers.Values, l => l.Counters.Conversions == 8 * all.Layers[l.Name].Counters.Conversions);
    }

    private static (ImportedModel Model, float[][] Samples) Load(string file)
    {
        var path = RepoPaths.Repo(Path.Combine("onnx-models", file));
        var model = OnnxFrontend.Load(path);
        var all = DatasetCatalog.Load(file.StartsWith("mnist", StringComparison.Ordinal) ? "mnist-heldout" : "fashion-mnist");
        var stride = all.Count / Images;
        var data = all.Select(Enumerable.Range(0, Images).Select(i => i * stride).ToList(), "every-nth");
        var feeder = new SampleFeeder(model.Graph, data, path);
        return (model, Enumerable.Range(0, feeder.Count).Select(feeder.Sample).ToArray());
    }

    /// <summary>
    /// Runs the graph with every crossbar layer executed by both models on the same input; asserts their outputs
    /// are bit-identical and returns the names of the layers compared.
    /// </summary>
    private static List<string> CompareLayers(IrGraph graph, HardwareSpec spec, float[][] samples)
    {
        var encodings = EncodingAnalysis.Compute(graph);
        var images = new HashSet<IrValue>(graph.Inputs);
        foreach (var node in graph.Nodes.Where(n => n is ReshapeNode or TransposeNode && images.Contains(n.Inputs[0])))
        {
            images.Add(node.Output);
        }

        var names = new List<string>();
        var interpreter = new IrInterpreter(graph, node =>
        {
            if (encodings.GetValueOrDefault(node.Inputs[0]) is not { } e || e.Scale != MathF.Round(e.Scale) || e.Offset != MathF.Round(e.Offset))
            {
                return null;
            }

            names.Add(node.Name);
            var isImage = images.Contains(node.Inputs[0]);
            return new TwinLayer(new CrossbarLayer(node, e, isImage, spec), new AnalogCrossbarLayer(node, e, isImage, spec, trial: 1),
                (i, ideal, analog) => Assert.Fail($"{node.Name}: output {i} is {analog:R} on the analog path, {ideal:R} on the ideal path"));
        });
        foreach (var sample in samples)
        {
            interpreter.Run(sample);
        }

        return names;
    }
}
