namespace BnnCompiler.Mapping;

/// <summary>
/// A node that does not run on crossbars (threshold, pooling, residual add, concatenation, normalisation,
/// reshape, or a matrix layer kept digital) and the mapped layer whose tiles run it: the layer that produces
/// its input (the latest such layer when several do). <see cref="Layer"/> is null for operations on the
/// graph input before any mapped layer; those run at chip level.
/// </summary>
public sealed record DigitalOp(string Name, string Op, string Origin, string? Layer);
