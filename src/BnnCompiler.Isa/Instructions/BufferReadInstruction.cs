namespace BnnCompiler.Isa;

/// <summary>
/// <c>read_buffer</c>: reads <see cref="Words"/> words (<see cref="Bits"/> bits) out of tile <see cref="Tile"/>'s
/// <see cref="Buffer"/> buffer through the same single port its writes use: the pixel's window slice to the tile's PEs
/// (input buffer, multicast to every PE of a PE row), or the pixel's results to the interconnect (output buffer).
/// </summary>
public sealed record BufferReadInstruction(int Tile, TileBuffer Buffer, long Words, long Bits, ValueList<int> After) : Instruction(After);
