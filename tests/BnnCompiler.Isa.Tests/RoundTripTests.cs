using BnnCompiler.Isa.Compilation;
using BnnCompiler.Isa.Text;
using BnnCompiler.Mapping;

namespace BnnCompiler.Isa.Tests;

/// <summary>compile → save → load → write: the same text, and the loaded program equals the compiled one.</summary>
public class RoundTripTests
{
    public static TheoryData<string[]> TfcVariants => new()
    {
        Array.Empty<string>(),
        new[] { "pipeline.mode=layer_by_layer", "readout.adc_type=sar", "readout.columns_per_adc=1" },
        new[] { "chip.interconnect.topology=h_tree", "weights.mapping=one_cell_reference" },
        new[] { "weights.mapping=two_cells_sequential", "subarray.parallel_rows=4" },
    };

    [Theory]
    [MemberData(nameof(TfcVariants))]
    public void Should_Round_Trip_Tfc(string[] overrides)
    {
        // Given the TFC MLP compiled for the tiny chip
        var program = ProgramCompiler.Compile(IsaTestModels.Tfc(overrides));

        // When it is written and read back
        var text = ProgramWriter.Write(program);
        var loaded = ProgramReader.Parse(text, "tfc.bnnp");

        // Then it is the same program and prints the same text
        Assert.Equal(program, loaded);
        Assert.Equal(text, ProgramWriter.Write(loaded));
    }

    [Theory]
    [InlineData("pipeline.duplication.degree=1")]
    [InlineData("pipeline.duplication.degree=3")]
    public void Should_Round_Trip_A_Small_Conv_Model(string duplication)
    {
        var mapping = CrossbarMapper.Map(IsaTestModels.SmallConv(), IsaTestModels.Spec("tiny.yaml", duplication));
        var program = ProgramCompiler.Compile(mapping);

        var text = ProgramWriter.Write(program);
        var loaded = ProgramReader.Parse(text, "conv.bnnp");

        Assert.Equal(program, loaded);
        Assert.Equal(text, ProgramWriter.Write(loaded));
        Assert.Contains(loaded.Stages.SelectMany(s => s.Copies).SelectMany(c => c.Body), i => i is PoolInstruction);
        Assert.Contains(loaded.Stages.SelectMany(s => s.Copies).SelectMany(c => c.Body), i => i is ResidualAddInstruction);
    }

    [Fact]
    public void Should_Detect_A_Changed_Operand()
    {
        // The comparison the round trip relies on must see a one-operand difference.
        var program = ProgramCompiler.Compile(IsaTestModels.Tfc());
        var copy = program.Stages[0].Copies[0];
        var body = copy.Body.ToList();
        var read = body.OfType<ReadInstruction>().First();
        body[body.IndexOf(read)] = read with { Plane = read.Plane + 1 };
        var changed = program with
        {
            Stages = program.Stages.Select((s, i) => i != 0 ? s : s with { Copies = ValueList.Of(copy with { Body = body.ToValueList() }) }).ToValueList(),
        };

        Assert.NotEqual(program, changed);
        Assert.NotEqual(ProgramWriter.Write(program), ProgramWriter.Write(changed));
    }
}
