using BnnCompiler.Mapping;

namespace BnnCompiler.Isa;

/// <summary>
/// One pipeline stage: a mapped layer (K × N matrix applied to <see cref="OutputPixels"/> input vectors of
/// <see cref="InputBits"/> bit planes) and one block of instructions per copy of its weights. The copies own
/// disjoint tiles and run at the same time.
/// </summary>
public sealed record StageProgram(
    int Index,
    string Layer,
    string? ReadsFrom,
    int Rows,
    int Columns,
    int OutputPixels,
    int InputBits,
    AccumulationLevel Accumulation,
    ValueList<CopyProgram> Copies);
