namespace BnnCompiler.Isa;

/// <summary>Which way a <see cref="TransferInstruction"/> crosses the global interconnect.</summary>
public enum TransferDirection
{
    /// <summary>From the global buffer down to a tile (its input buffer).</summary>
    Down,

    /// <summary>From a tile's output buffer up to the chip's global accumulation (partial sums).</summary>
    Up,
}
