namespace BnnCompiler.Isa.Repair;

/// <summary>
/// The calibrated reference trim of one row group of a block (<c>repair.mode</c> map+spares+calibrate): per weight column
/// of the block, the 8-bit gain word k (gain k/128, k = 1 … 255) and offset word k (offset k/8 LSB, k = −128 … 127) that
/// <c>ReferenceTrimModel</c> holds and the column's ADC applies at every conversion of the group's reads.
/// </summary>
public sealed record RowGroupTrim(int Group, ValueList<int> GainWords, ValueList<int> OffsetWords);
