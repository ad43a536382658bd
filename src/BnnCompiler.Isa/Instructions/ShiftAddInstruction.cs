namespace BnnCompiler.Isa;

/// <summary>
/// <c>shift_add</c>: folds bit plane <see cref="Plane"/>'s conversions of subarray <see cref="SubarrayId"/>
/// (<see cref="Columns"/> weight columns) into its accumulators: acc = acc + (value &lt;&lt; plane). Only for
/// multi-bit inputs.
/// </summary>
public sealed record ShiftAddInstruction(int SubarrayId, int Plane, int Columns, ValueList<int> After) : Instruction(After);
