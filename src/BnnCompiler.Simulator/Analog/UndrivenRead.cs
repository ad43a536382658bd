namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// What a vector kernel needs to convert a read of a block that drives none of its rows at a class of pixels
/// (<see cref="PixelClasses"/>), built once per layer: per column the ADC's input level and the noise σ
/// (<see cref="Levels"/>: Stride levels, then Stride σ), and where possible the code's steps in the draw's bits
/// (<see cref="Steps"/>, <see cref="NoiseSteps"/>).
/// </summary>
internal sealed record UndrivenRead(float[] Levels, int[]? Steps);
