namespace BnnCompiler.Core.Ir;

/// <summary>
/// A broken IR invariant (two producers of one value, a value read but never produced, a shape or code table that
/// disagrees with its node): a defect of the importer or of a pass, never of the user's input.
/// </summary>
public sealed class IrInvariantException(string message) : InvalidOperationException(message);
