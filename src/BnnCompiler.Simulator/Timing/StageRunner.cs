using BnnCompiler.Circuits.Activity;
using BnnCompiler.Isa;
using BnnCompiler.Simulator.Timing.Trace;

namespace BnnCompiler.Simulator.Timing;

/// <summary>
/// Executes one stage for one image on free resources: pixel n of every copy in turn (copy 0, 1, …), each body in
/// order; an instruction starts at the earliest time its dependencies are done and its resource has a free slot of
/// its occupancy, and finishes its latency later. Then walks the critical path back from the last instruction to
/// split the stage's cycles into components: every instruction on the path adds its latency to its own component
/// and its wait for the resource to the components that kept the resource busy (in proportion to their busy cycles).
/// Counts every action the stage's instructions perform (<see cref="InstructionActions"/>).
/// </summary>
internal sealed class StageRunner
{
    private readonly MachineParameters _machine;

    public StageRunner(MachineParameters machine) => _machine = machine;

    public sealed record Outcome(long Cycles, long[] Components, long Executed, ResourcePool Resources, ActionTable Actions);

    /// <summary>
    /// Runs <paramref name="blocks"/> (body, pixel count) on <paramref name="pool"/>'s resources; with a
    /// <paramref name="trace"/>, hands it every instruction executed (nothing is recorded, and nothing costs, without).
    /// </summary>
    public Outcome Run(IReadOnlyList<(IReadOnlyList<Instruction> Body, int Pixels)> blocks, ResourcePool pool, TraceScope? trace = null)
    {
        // Flatten the bodies into one instruction table.
        var offsets = new int[blocks.Count];
        var costs = new List<InstructionCost>();
        var resources = new List<int>();
        var deps = new List<int[]>();
        var groups = new int[blocks.Count][];
        for (var c = 0; c < blocks.Count; c++)
        {
            offsets[c] = costs.Count;
            var body = blocks[c].Body;
            groups[c] = BodyReadGroups.Of(body, _machine);
            for (var k = 0; k < body.Count; k++)
            {
                var instruction = body[k];
                var cost = InstructionCost.Of(instruction, groups[c][k], _machine);
                costs.Add(cost);
                resources.Add(cost.Resource is { } r ? pool.Get(r, cost.Id1, cost.Id2) : -1);
                deps.Add(instruction.After.ToArray());
            }
        }

        // The actions executed, counted in bulk: each copy's body once, times its pixels.
        var actions = new long[ChipActions.All.Count];
        for (var c = 0; c < blocks.Count; c++)
        {
            InstructionActions.Add(blocks[c].Body, groups[c], _machine, blocks[c].Pixels, actions);
        }

        long total = blocks.Sum(b => (long)b.Body.Count * b.Pixels);
        var end = new long[total];
        var wait = new long[total];
        var pred = new int[total];
        var which = new int[total];
        var maxPixels = blocks.Count == 0 ? 0 : blocks.Max(b => b.Pixels);
        var executed = 0;
        long finish = 0;
        var last = -1;
        for (var n = 0; n < maxPixels; n++)
        {
            for (var c = 0; c < blocks.Count; c++)
            {
                if (n >= blocks[c].Pixels)
                {
                    continue;
                }

                var iteration = executed;
                for (var k = 0; k < blocks[c].Body.Count; k++)
                {
                    var id = offsets[c] + k;
                    var cost = costs[id];
                    long ready = 0;
                    var from = -1;
                    foreach (var d in deps[id])
                    {
                        if (from < 0 || end[iteration + d] > ready)
                        {
                            ready = end[iteration + d];
                            from = iteration + d;
                        }
                    }

                    var r = resources[id];
                    var start = r < 0 ? ready : pool.Timelines[r].Reserve(ready, cost.Occupancy);
                    if (r >= 0)
                    {
                        pool.Busy[r][(int)cost.Component] += cost.Occupancy;
                    }

                    end[executed] = start + cost.Latency;
                    wait[executed] = start - ready;
                    pred[executed] = from;
                    which[executed] = id;
                    trace?.Add(c, n, k, blocks[c].Body[k], cost, groups[c][k], start, iteration);
                    if (end[executed] >= finish)
                    {
                        (finish, last) = (end[executed], executed);
                    }

                    executed++;
                }
            }
        }

        return new Outcome(finish, CriticalPath(last, end, wait, pred, which, costs, resources, pool), executed, pool, ActionTable.FromCounts(actions));
    }

    private static long[] CriticalPath(int last, long[] end, long[] wait, int[] pred, int[] which, List<InstructionCost> costs, List<int> resources, ResourcePool pool)
    {
        var parts = new long[Enum.GetValues<TimingComponent>().Length];
        for (var x = last; x >= 0; x = pred[x])
        {
            var id = which[x];
            parts[(int)costs[id].Component] += costs[id].Latency;
            if (wait[x] > 0)
            {
                Split(wait[x], pool.Busy[resources[id]], parts);
            }
        }

        return parts;
    }

    /// <summary>Adds <paramref name="cycles"/> to <paramref name="parts"/> in proportion to <paramref name="busy"/>, exactly (largest remainder).</summary>
    private static void Split(long cycles, long[] busy, long[] parts)
    {
        var sum = busy.Sum();
        var given = 0L;
        var largest = 0;
        for (var i = 0; i < busy.Length; i++)
        {
            var share = (long)((double)cycles * busy[i] / sum);
            parts[i] += share;
            given += share;
            largest = busy[i] > busy[largest] ? i : largest;
        }

        parts[largest] += cycles - given;
    }

    public static LayerTiming ToLayerTiming(string layer, long[] parts) => new(
        layer,
        parts[(int)TimingComponent.Crossbar],
        parts[(int)TimingComponent.Adc],
        parts[(int)TimingComponent.Accumulation],
        parts[(int)TimingComponent.Buffer],
        parts[(int)TimingComponent.Interconnect],
        parts[(int)TimingComponent.Other]);
}
