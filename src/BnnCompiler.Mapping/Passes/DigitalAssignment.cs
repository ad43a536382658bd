namespace BnnCompiler.Mapping.Passes;

/// <summary>
/// Where every non-crossbar node runs (<see cref="ByLayer"/>, <see cref="InputOps"/>) and, per mapped layer, the
/// mapped layer whose tiles deliver its input (null: the graph input, through chip-level operations only).
/// </summary>
internal sealed record DigitalAssignment(
    IReadOnlyList<DigitalOp> InputOps,
    IReadOnlyList<IReadOnlyList<DigitalOp>> ByLayer,
    IReadOnlyList<int?> InputLayer);
