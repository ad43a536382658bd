using BnnCompiler.Isa;
using BnnCompiler.Mapping;

namespace BnnCompiler.Simulator.Timing;

/// <summary>
/// What one instruction occupies and for how long: a resource instance (class and up to two ids), the cycles until
/// its result is ready (<see cref="Latency"/>), the cycles it holds the resource (<see cref="Occupancy"/>, shorter
/// for pipelined adder trees), and the timing component it counts towards.
/// </summary>
internal readonly record struct InstructionCost(ResourceClass? Resource, int Id1, int Id2, long Latency, long Occupancy, TimingComponent Component)
{
    /// <summary>The formulas of docs/timing.md, "Durations".</summary>
    public static InstructionCost Of(Instruction instruction, MachineParameters m) => instruction switch
    {
        TransferInstruction t => Bus(Ceil(t.Bits, m.BusWidthBits), t.Hops),
        LoadInstruction l => Fixed(ResourceClass.TileBufferPort, l.Tile, 0, Ceil(l.Bits, m.TilePortBits), TimingComponent.Buffer),
        ReadInstruction r => Fixed(ResourceClass.Subarray, r.SubarrayId, 0, (long)m.RowGroups * m.ReadsPerInput * m.ReadPulseCycles, TimingComponent.Crossbar),
        ConvertInstruction c => Fixed(ResourceClass.Subarray, c.SubarrayId, 0, (long)m.RowGroups * m.ReadsPerInput * c.MuxSteps * m.ConversionCycles, TimingComponent.Adc),
        ShiftAddInstruction s => Fixed(ResourceClass.ShiftAdd, s.SubarrayId, 0, 1, TimingComponent.Accumulation),
        AccumulateInstruction a => Tree(a, m),
        ActivateInstruction a => Digital(a.Tile, a.Elements, m),
        PoolInstruction p => Digital(p.Tile, p.Elements, m),
        ResidualAddInstruction r => Digital(r.Tile, r.Elements, m),
        ConcatInstruction => new InstructionCost(null, 0, 0, 0, 0, TimingComponent.Other),
        StoreInstruction s when s.Tile == Instruction.Chip =>
            Fixed(ResourceClass.GlobalBufferPort, 0, 0, Ceil(s.Bits, m.BusWidthBits), TimingComponent.Buffer),
        StoreInstruction s => Bus(Ceil(s.Bits, m.BusWidthBits), s.Hops),
        _ => throw new InvalidOperationException($"no timing for {instruction.GetType().Name}"),
    };

    private static InstructionCost Fixed(ResourceClass resource, int id1, int id2, long cycles, TimingComponent component) =>
        new(resource, id1, id2, cycles, cycles, component);

    /// <summary>⌈bits / bus⌉ cycles on the global bus; the hops add latency (routers are pipelined).</summary>
    private static InstructionCost Bus(long words, int hops) =>
        new(ResourceClass.GlobalBus, 0, 0, words + hops, words, TimingComponent.Interconnect);

    /// <summary>Lanes parallel trees, each taking one element a cycle: ⌈log2 operands⌉ levels deep.</summary>
    private static InstructionCost Tree(AccumulateInstruction a, MachineParameters m)
    {
        var lanes = a.Level == AccumulationLevel.Chip ? m.ChipLanes : m.TreeLanes;
        var issue = Math.Max(1, Ceil(a.Elements, lanes));
        var latency = Log2Ceil(a.Operands) + issue - 1;
        var resource = a.Level switch
        {
            AccumulationLevel.Pe => ResourceClass.PeAdderTree,
            AccumulationLevel.Tile => ResourceClass.TileAdderTree,
            _ => ResourceClass.ChipAccumulator,
        };
        return new InstructionCost(resource, a.Tile, a.Unit, Math.Max(latency, issue), issue, TimingComponent.Accumulation);
    }

    private static InstructionCost Digital(int tile, int elements, MachineParameters m) => tile == Instruction.Chip
        ? Fixed(ResourceClass.ChipDigital, 0, 0, Math.Max(1, Ceil(elements, m.DigitalLanes)), TimingComponent.Other)
        : Fixed(ResourceClass.TileDigital, tile, 0, Math.Max(1, Ceil(elements, m.DigitalLanes)), TimingComponent.Other);

    public static long Ceil(long a, long b) => (a + b - 1) / Math.Max(1, b);

    public static int Log2Ceil(long n)
    {
        var levels = 0;
        while ((1L << levels) < n)
        {
            levels++;
        }

        return levels;
    }
}
