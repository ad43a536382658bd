using BnnCompiler.Isa.Compilation;
using BnnCompiler.Isa.Text;
using BnnCompiler.Isa;
using BnnCompiler.Mapping;
using BnnCompiler.Onnx;
using BnnCompiler.Simulator.Timing;
using BnnCompiler.Testing;

namespace BnnCompiler.Simulator.Tests;

/// <summary>The engine on the shared TFC MLP: it needs only the program file, and its figures hang together.</summary>
public sealed class TimingTfcTests
{
    private static MappedProgram Tfc(params string[] overrides) => ProgramCompiler.Compile(CrossbarMapper.Map(
        OnnxFrontend.Load(RepoPaths.ExternalModel(Path.Combine("tfc-w1a1", "TFC_1W1A.qonnx.onnx"))).Graph, TimingTestModels.Tiny(overrides)));

    [Fact]
    public void Should_Time_A_Program_Read_Back_From_Text_Exactly_As_The_Compiled_One()
    {
        var program = Tfc();

        var direct = TimingEngine.Run(program);
        var fromText = TimingEngine.Run(ProgramReader.Parse(ProgramWriter.Write(program), "tfc.bnnp"));

        Assert.Equal(direct.Stages, fromText.Stages);
        Assert.Equal((direct.IntervalCycles, direct.LatencyCycles), (fromText.IntervalCycles, fromText.LatencyCycles));
    }

    [Theory]
    [InlineData("pipeline.mode=layer_pipelined")]
    [InlineData("pipeline.mode=layer_by_layer")]
    public void Should_Report_Consistent_Figures(string mode)
    {
        var result = TimingEngine.Run(Tfc(mode));
        var summary = result.ToTimingSummary();

        // TFC's input binarizer: ⌈784 / 16 digital lanes⌉ = 49 cycles before stage 0.
        Assert.Equal(49, result.PrologueCycles);
        Assert.All(result.Stages, s => Assert.Equal(s.Cycles, s.Breakdown.TotalCycles));
        Assert.Equal(result.PrologueCycles + result.Stages.Sum(s => s.Cycles), result.LatencyCycles);
        Assert.Equal(result.LatencyCycles, summary.FillCycles);
        var slowest = Math.Max(result.Stages[0].Cycles + 49, result.Stages.Skip(1).Max(s => s.Cycles));
        Assert.Equal(mode.EndsWith("pipelined", StringComparison.Ordinal) ? Math.Max(slowest, result.SharedResourceCycles) : result.LatencyCycles,
            result.IntervalCycles);
        Assert.All(result.Resources.Where(r => r.Class != ResourceClass.GlobalBus), r => Assert.InRange(r.Utilization, 0, 1));
    }
}
