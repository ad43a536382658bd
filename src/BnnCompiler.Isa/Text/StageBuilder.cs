using BnnCompiler.Mapping;

namespace BnnCompiler.Isa.Text;

/// <summary>A stage while its copy blocks are read.</summary>
internal sealed record StageBuilder(int Line, int Index, string Layer, string? ReadsFrom, int Rows, int Columns, int Pixels, int InputBits, AccumulationLevel Accumulation)
{
    public List<CopyProgram> Copies { get; } = [];

    public StageProgram Build() => new(Index, Layer, ReadsFrom, Rows, Columns, Pixels, InputBits, Accumulation, Copies.ToValueList());
}
