namespace BnnCompiler.Isa;

/// <summary>
/// The instructions of one copy of a layer: <see cref="Body"/> computes ONE output pixel and runs once for each of
/// the pixels [<see cref="FirstPixel"/>, <see cref="FirstPixel"/> + <see cref="Pixels"/>), on the tiles
/// <see cref="Tiles"/>. Instruction i may only depend (<see cref="Instruction.After"/>) on instructions before it
/// in the same iteration; iterations are linked only by the resources they share.
/// </summary>
public sealed record CopyProgram(int Copy, int FirstPixel, int Pixels, ValueList<int> Tiles, ValueList<Instruction> Body);
