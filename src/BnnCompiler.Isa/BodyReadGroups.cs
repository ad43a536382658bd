namespace BnnCompiler.Isa;

/// <summary>
/// The row groups each instruction of a body reads or converts: a <c>read</c> drives its block's ⌈rows / group⌉ groups
/// one after the other (<see cref="MachineParameters.ReadGroupsOf"/>: a block shorter than a group is read once), a
/// <c>convert</c> converts every group the latest read of its subarray put on the bit lines (all <c>row_groups</c> when
/// no read of that subarray comes before it); every other instruction 1. The timing engine's durations and action
/// counts take the groups from here, so they charge what the simulator converts.
/// <code>
///   machine row_groups=4 subarray_weights=64x…:  read rows=9 → 1   convert → 1   read rows=64 → 4   convert → 4
/// </code>
/// </summary>
public static class BodyReadGroups
{
    public static int[] Of(IReadOnlyList<Instruction> body, MachineParameters machine)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(machine);
        var groups = new int[body.Count];
        var latestRead = new Dictionary<int, int>();
        for (var i = 0; i < body.Count; i++)
        {
            switch (body[i])
            {
                case ReadInstruction r:
                    groups[i] = latestRead[r.SubarrayId] = machine.ReadGroupsOf(r.Rows);
                    break;
                case ConvertInstruction c:
                    groups[i] = latestRead.GetValueOrDefault(c.SubarrayId, machine.RowGroups);
                    break;
                default:
                    groups[i] = 1;
                    break;
            }
        }

        return groups;
    }
}
