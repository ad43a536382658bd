namespace BnnCompiler.Circuits.Activity;

/// <summary>
/// What one mapped layer's hardware did, counted over every image run: one count per (component, action) row of
/// <see cref="ChipActions"/>, keyed by the layer's id (its index among the mapped layers), plus the
/// multiply-accumulates it performed. Counting only: no energy or time here.
/// </summary>
public sealed record LayerActionCounts
{
    /// <summary>The mapped layer's index (<c>LayerMapping.Index</c>); pricing joins counts to the mapping by it.</summary>
    public required int LayerId { get; init; }

    /// <summary>The mapped layer's IR node name (for reports; the join checks it).</summary>
    public required string Layer { get; init; }

    public required ActionTable Actions { get; init; }

    /// <summary>Multiply-accumulates performed (K · N per product, the operation count of TOPS is 2 per MAC).</summary>
    public long Macs { get; init; }

    public long this[ChipAction action] => Actions[action];

    /// <summary>Row-wise sum (the id and name stay this one's).</summary>
    public LayerActionCounts Plus(LayerActionCounts o) => this with { Actions = Actions.Plus(o.Actions), Macs = Macs + o.Macs };

    /// <summary>Every count times <paramref name="factor"/> (e.g. per-image counts to a run's).</summary>
    public LayerActionCounts Scale(long factor) => this with { Actions = Actions.Scale(factor), Macs = Macs * factor };
}
