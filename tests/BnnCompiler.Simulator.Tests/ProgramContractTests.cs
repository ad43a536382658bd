using BnnCompiler.Data;
using BnnCompiler.Evaluation;
using BnnCompiler.Hardware;
using BnnCompiler.Isa;
using BnnCompiler.Isa.Compilation;
using BnnCompiler.Mapping;
using BnnCompiler.Onnx;
using BnnCompiler.Simulator.Functional;
using BnnCompiler.Testing;

namespace BnnCompiler.Simulator.Tests;

/// <summary>
/// The compiled program is what the functional model executes: weights read back from the programmed cells equal
/// the model's, the row blocks and input planes come from the program's instructions (a program that applies fewer
/// planes gives the results of a chip with that input precision), and inconsistent programs are refused.
/// </summary>
public sealed class ProgramContractTests
{
    private static readonly string Cnn = RepoPaths.Repo("onnx-models/fmnist-cnn.onnx");

    [Fact]
    public void Should_Read_Back_Every_Weight_And_Row_Block_From_The_Program()
    {
        var model = OnnxFrontend.Load(Cnn);
        var spec = HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), []);
        var mapping = CrossbarMapper.Map(model.Graph, spec);
        var layers = ProgramReader.Read(ProgramCompiler.Compile(mapping), mapping);

        Assert.Equal(mapping.Layers.Select(l => l.Name), layers.Keys);
        foreach (var layer in mapping.Layers)
        {
            Assert.Equal(layer.Node.Signs, layers[layer.Name].Signs);
            Assert.Equal(CrossbarLayer.UniformBlocks(layer.Rows, spec.WeightRowsPerSubarray), layers[layer.Name].BlockRows);
        }

        Assert.Equal(8, layers["conv1"].Planes);   // the raw 8-bit image at readout.input_bits = 8
        Assert.Equal(1, layers["fc1"].Planes);
    }

    [Fact]
    public void Should_Apply_The_Input_Planes_The_Program_States()
    {
        var model = OnnxFrontend.Load(Cnn);
        var spec = HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), ["readout.adc_bits=4"]);
        var mapping = CrossbarMapper.Map(model.Graph, spec);
        var program = ProgramCompiler.Compile(mapping);
        var threePlanes = program with { Stages = new ValueList<StageProgram>(program.Stages.Select(s => s.Layer == "conv1" ? s with { InputBits = 3 } : s)) };

        var fromProgram = new FunctionalSimulator(model.Graph, mapping, threePlanes);
        var atThreeBits = new FunctionalSimulator(model.Graph, HardwareSpecLoader.ApplyOverrides(spec, ["readout.input_bits=3"]));
        var atEightBits = new FunctionalSimulator(model.Graph, spec);
        var feeder = new SampleFeeder(model.Graph, DatasetCatalog.Load("fashion-mnist").Take(40), Cnn);
        var differs = 0;
        for (var i = 0; i < feeder.Count; i++)
        {
            var sample = feeder.Sample(i);
            var logits = fromProgram.Run(sample);
            Assert.Equal(atThreeBits.Run(sample), logits);
            differs += atEightBits.Run(sample).SequenceEqual(logits) ? 0 : 1;
        }

        Assert.True(differs > 0, "three input planes should change some logits against eight");
    }

    [Fact]
    public void Should_Refuse_A_Program_That_Reads_A_Row_Block_With_Two_Sizes()
    {
        var model = OnnxFrontend.Load(Cnn);
        var spec = HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/default.yaml"), []);
        var mapping = CrossbarMapper.Map(model.Graph, spec);
        var program = ProgramCompiler.Compile(mapping);
        var stage = program.Stages.First(s => s.Layer == "conv2");
        var copy = stage.Copies[0];
        var first = copy.Body.OfType<ReadInstruction>().First();
        var body = new ValueList<Instruction>(copy.Body.Select(i => ReferenceEquals(i, first) ? first with { Rows = first.Rows - 1 } : i));
        var broken = stage with { Copies = new ValueList<CopyProgram>([copy with { Body = body }, .. stage.Copies.Skip(1)]) };
        var tampered = program with { Stages = new ValueList<StageProgram>(program.Stages.Select(s => s == stage ? broken : s)) };

        var error = Assert.Throws<InvalidOperationException>(() => ProgramReader.Read(tampered, mapping));
        Assert.Contains("conv2", error.Message);
    }
}
