using BnnCompiler.Hardware;
using BnnCompiler.Isa;
using BnnCompiler.Simulator.Timing.Trace;

namespace BnnCompiler.Simulator.Timing;

/// <summary>
/// The cycle-level timing engine: executes a <see cref="MappedProgram"/> for one image on the chip's resources
/// (scoreboard of busy intervals per resource instance; durations from the program's machine parameters) and reports
/// per-stage cycles, the image interval and latency, throughput and resource utilisation. Each stage is run on its own
/// (its resources free at its start), since a stage processes a whole image before handing it on:
/// <list type="bullet">
/// <item>layer-pipelined: interval = max(prologue + stage 0, stage 1, …, busy cycles per image of the most loaded
/// chip-shared resource: a mesh's link at the global buffer, the global buffer port, the global accumulation, the chip
/// digital units; an H-tree's per-tile shares of the bus are not shared),
/// latency = prologue + Σ stages;</item>
/// <item>layer-by-layer: interval = latency = prologue + Σ stages.</item>
/// </list>
/// docs/timing.md gives the resources, every duration formula and these definitions.
/// </summary>
public static class TimingEngine
{
    /// <summary>
    /// Runs <paramref name="program"/> for one image; with a <paramref name="trace"/>, records every instruction
    /// executed into it (the run's figures are the same with and without).
    /// </summary>
    public static TimingResult Run(MappedProgram program, TimingTrace? trace = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        var busy = new Dictionary<(ResourceClass, int, int), long>();
        var runner = new StageRunner(program.Machine);

        var scope = trace?.Begin(-1, "prologue", null, 0);
        var prologue = runner.Run([(program.Prologue, 1)], new ResourcePool(), scope);
        scope?.End(prologue.Cycles);
        Collect(prologue.Resources, busy);

        var stages = new List<StageTiming>();
        var startCycle = prologue.Cycles;
        foreach (var stage in program.Stages)
        {
            scope = trace?.Begin(stage.Index, stage.Layer, stage.Copies, startCycle);
            var outcome = runner.Run(stage.Copies.Select(c => ((IReadOnlyList<Instruction>)c.Body, c.Pixels)).ToList(), new ResourcePool(), scope);
            scope?.End(outcome.Cycles);
            startCycle += outcome.Cycles;
            Collect(outcome.Resources, busy);
            stages.Add(new StageTiming(
                stage.Index,
                stage.Layer,
                stage.Copies.Count,
                stage.Copies.Count == 0 ? 0 : stage.Copies.Max(c => c.Pixels),
                outcome.Executed,
                outcome.Cycles,
                outcome.Cycles * program.ClockPeriodNs,
                StageRunner.ToLayerTiming(stage.Layer, outcome.Components),
                Usage(outcome.Resources))
            {
                Actions = outcome.Actions,
            });
        }

        var latency = prologue.Cycles + stages.Sum(s => s.Cycles);
        var shared = busy.Where(kv => IsChipShared(kv.Key.Item1)).Select(kv => kv.Value).DefaultIfEmpty(0).Max();
        var interval = program.Pipeline == PipelineMode.LayerPipelined
            ? Math.Max(shared, stages.Select((s, i) => s.Cycles + (i == 0 ? prologue.Cycles : 0)).DefaultIfEmpty(prologue.Cycles).Max())
            : latency;
        return new TimingResult
        {
            Model = program.Model,
            ClockPeriodNs = program.ClockPeriodNs,
            Mode = program.Pipeline,
            PrologueCycles = prologue.Cycles,
            PrologueBreakdown = program.Prologue.Count == 0 ? null : StageRunner.ToLayerTiming("prologue", prologue.Components),
            PrologueActions = prologue.Actions,
            Stages = stages,
            IntervalCycles = interval,
            LatencyCycles = latency,
            SharedResourceCycles = shared,
            Resources = busy.GroupBy(kv => kv.Key.Item1).OrderBy(g => g.Key)
                .Select(g => new ResourceUsage(g.Key, g.Count(), g.Sum(kv => kv.Value), interval == 0 ? 0 : g.Sum(kv => kv.Value) / ((double)g.Count() * interval)))
                .ToList(),
        };
    }

    /// <summary>Resources with one instance on the chip that every stage uses (the pipelined stages compete for them).</summary>
    private static bool IsChipShared(ResourceClass c) =>
        c is ResourceClass.GlobalBus or ResourceClass.GlobalBufferPort or ResourceClass.ChipAccumulator or ResourceClass.ChipDigital;

    private static ValueList<StageResourceUsage> Usage(ResourcePool pool) => pool.Keys
        .Select((key, i) => (key.Class, Busy: pool.Busy[i].Sum()))
        .GroupBy(x => x.Class)
        .OrderBy(g => g.Key)
        .Select(g => new StageResourceUsage(g.Key, g.Count(), g.Sum(x => x.Busy), g.Max(x => x.Busy)))
        .ToValueList();

    private static void Collect(ResourcePool pool, Dictionary<(ResourceClass, int, int), long> busy)
    {
        for (var i = 0; i < pool.Keys.Count; i++)
        {
            busy[pool.Keys[i]] = busy.GetValueOrDefault(pool.Keys[i]) + pool.Busy[i].Sum();
        }
    }
}
