namespace BnnCompiler.Isa;

/// <summary>
/// <c>convert</c>: the ADCs of subarray <see cref="SubarrayId"/> convert its <see cref="Columns"/> used physical
/// columns (reference column included) for bit plane <see cref="Plane"/>, the column mux taking
/// <see cref="MuxSteps"/> steps (⌈columns / ADCs⌉, at most columns per ADC).
/// </summary>
public sealed record ConvertInstruction(int SubarrayId, int Plane, int Columns, int MuxSteps, ValueList<int> After) : Instruction(After);
