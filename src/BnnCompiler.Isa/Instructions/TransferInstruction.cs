namespace BnnCompiler.Isa;

/// <summary>
/// <c>transfer</c>: moves <see cref="Bits"/> over the global interconnect between the global buffer side and tile
/// <see cref="Tile"/>, crossing <see cref="Hops"/> routers or H-tree levels: down, a pixel's window slice for the
/// tile's input buffer; up, the partial sums the tile's output buffer read out, for the chip's global accumulation.
/// </summary>
public sealed record TransferInstruction(TransferDirection Direction, int Tile, long Bits, int Hops, ValueList<int> After)
    : Instruction(After);
