namespace BnnCompiler.Isa;

/// <summary>
/// <c>write_buffer</c>: writes <see cref="Words"/> words (<see cref="Bits"/> bits in all) into tile
/// <see cref="Tile"/>'s <see cref="Buffer"/> buffer through its single port: the input codes a transfer brought
/// (input buffer; a word is one input code of the window, its bit planes included) or the tile's results of one pixel
/// (output buffer; a word is a 1-bit activation or a partial sum).
/// </summary>
public sealed record BufferWriteInstruction(int Tile, TileBuffer Buffer, long Words, long Bits, ValueList<int> After) : Instruction(After);
