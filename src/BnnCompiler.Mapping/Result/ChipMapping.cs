using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Hardware;

namespace BnnCompiler.Mapping;

/// <summary>
/// A model mapped onto a chip: the resolved floorplan, every mapped layer with its blocks and placement,
/// the digital operations that run before the first mapped layer, the used tiles, the schedule and the
/// totals. Immutable; built only by <see cref="CrossbarMapper.Map"/>. The simulator executes it layer by
/// layer, block by block; the cost model prices its counts.
/// </summary>
public sealed record ChipMapping
{
    public required HardwareSpec Spec { get; init; }

    /// <summary>The IR graph's name.</summary>
    public required string Model { get; init; }

    public required Floorplan Floorplan { get; init; }

    /// <summary>Mapped layers in topological order (= stage order).</summary>
    public required IReadOnlyList<LayerMapping> Layers { get; init; }

    /// <summary>Digital operations on the graph input before any mapped layer (run at chip level).</summary>
    public required IReadOnlyList<DigitalOp> InputOps { get; init; }

    /// <summary>Every used tile, by id; tile slots of the chip grid beyond these are empty.</summary>
    public required IReadOnlyList<TilePlacement> Tiles { get; init; }

    public required ChipSchedule Schedule { get; init; }

    public required ChipTotals Totals { get; init; }

    /// <summary>Warnings (e.g. BNN4005, a matrix layer kept digital).</summary>
    public required IReadOnlyList<Diagnostic> Warnings { get; init; }

    /// <summary>The mapping of the layer with IR node name <paramref name="name"/>.</summary>
    public LayerMapping Layer(string name) =>
        Layers.FirstOrDefault(l => l.Name == name) ?? throw new KeyNotFoundException($"no mapped layer named '{name}'");
}
