namespace BnnCompiler.Isa;

/// <summary>
/// <c>store</c>: writes one pixel's <see cref="Bits"/> of results to the global buffer: from tile
/// <see cref="Tile"/> over the interconnect (<see cref="Hops"/> hops; the bits its output buffer read out), or from
/// the chip's global accumulation (<see cref="Instruction.Chip"/>, 0 hops) through the global buffer's port.
/// </summary>
public sealed record StoreInstruction(int Tile, long Bits, int Hops, ValueList<int> After) : Instruction(After);
