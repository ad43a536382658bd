namespace BnnCompiler.Mapping;

/// <summary>
/// Buffer capacities in KiB and the PE adder-tree width in bits: the spec's values, or the mapper's sizes for
/// <c>auto</c> keys (docs/mapping.md, "Buffers").
/// </summary>
public sealed record BufferSizes(
    double GlobalBufferKib,
    double TileInputKib,
    double TileOutputKib,
    double PeInputKib,
    double PeOutputKib,
    int PeAdderTreeBits);
