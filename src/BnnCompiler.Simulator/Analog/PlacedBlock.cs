using BnnCompiler.Mapping.Repair;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// How one block (row block, column block) of a layer sits on the trial's chip: its repair plan, the spare subarray it
/// moved onto (null: its own subarray) and its repair counts. What <c>bnnc compile --repair</c> writes into the program.
/// </summary>
public sealed record PlacedBlock(int RowBlock, int ColumnBlock, SubarrayRepair Plan, SpareSubarray? Spare, RepairCounts Counts);
