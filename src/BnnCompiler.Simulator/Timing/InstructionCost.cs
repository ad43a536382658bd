using BnnCompiler.Hardware;
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
    /// <summary>The formulas of docs/timing.md, "Durations"; <paramref name="readGroups"/>: the row groups a read or
    /// convert handles (<see cref="BodyReadGroups"/>).</summary>
    public static InstructionCost Of(Instruction instruction, int readGroups, MachineParameters m) => instruction switch
    {
        TransferInstruction t => Link(t.Tile, t.Bits, t.Hops, m),
        BufferWriteInstruction w => Buffer(w.Tile, w.Buffer, w.Words, w.Bits, m),
        BufferReadInstruction r => Buffer(r.Tile, r.Buffer, r.Words, r.Bits, m),
        ReadInstruction r => Fixed(ResourceClass.Subarray, r.SubarrayId, 0, (long)readGroups * m.ReadsPerInput * m.ReadPulseCycles, TimingComponent.Crossbar),
        ConvertInstruction c => Fixed(ResourceClass.Subarray, c.SubarrayId, 0, (long)readGroups * m.ReadsPerInput * c.MuxSteps * m.ConversionCycles, TimingComponent.Adc),
        ShiftAddInstruction s => Fixed(ResourceClass.ShiftAdd, s.SubarrayId, 0, 1, TimingComponent.Accumulation),
        AccumulateInstruction a => Tree(a, m),
        ActivateInstruction a => Digital(a.Tile, a.Elements, m),
        PoolInstruction p => Digital(p.Tile, p.Elements, m),
        ResidualAddInstruction r => Digital(r.Tile, r.Elements, m),
        ConcatInstruction => new InstructionCost(null, 0, 0, 0, 0, TimingComponent.Other),
        StoreInstruction s when s.Tile == Instruction.Chip =>
            Fixed(ResourceClass.GlobalBufferPort, 0, 0, Ceil(s.Bits, m.BusWidthBits), TimingComponent.Buffer),
        StoreInstruction s => Link(s.Tile, s.Bits, s.Hops, m),
        _ => throw new InvalidOperationException($"no timing for {instruction.GetType().Name}"),
    };

    private static InstructionCost Fixed(ResourceClass resource, int id1, int id2, long cycles, TimingComponent component) =>
        new(resource, id1, id2, cycles, cycles, component);

    /// <summary>
    /// The global interconnect between the global buffer and a tile. Mesh: the one link at the global buffer, bus bits a
    /// cycle, shared by every tile. H-tree: the tree conserves its width, so each of the grid's slots owns bus / slots
    /// of the root's wires and a tile's transfers take ⌈bits · slots / bus⌉ cycles on its own share. The hops add
    /// latency, not occupancy (routers and tree levels are pipelined).
    /// </summary>
    private static InstructionCost Link(int tile, long bits, int hops, MachineParameters m)
    {
        var (resource, id, cycles) = m.Interconnect == InterconnectTopology.Mesh
            ? (ResourceClass.GlobalBus, 0, Ceil(bits, m.BusWidthBits))
            : (ResourceClass.TileLink, tile, Ceil(bits * m.Tiles.Count, m.BusWidthBits));
        return new InstructionCost(resource, id, 0, cycles + hops, cycles, TimingComponent.Interconnect);
    }

    /// <summary>A tile buffer's single port, one line a cycle: input lines of tile_input_port_bits bits, output lines of
    /// tile_output_port_words words.</summary>
    private static InstructionCost Buffer(int tile, TileBuffer buffer, long words, long bits, MachineParameters m) => buffer == TileBuffer.Input
        ? Fixed(ResourceClass.TileInputBuffer, tile, 0, Ceil(bits, m.TileInputPortBits), TimingComponent.Buffer)
        : Fixed(ResourceClass.TileOutputBuffer, tile, 0, Ceil(words, m.TileOutputPortWords), TimingComponent.Buffer);

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
