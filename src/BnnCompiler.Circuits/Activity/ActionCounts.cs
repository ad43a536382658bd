namespace BnnCompiler.Circuits.Activity;

/// <summary>
/// Action counts of a whole run: per layer and in total, summed over <see cref="Images"/> images. The simulator
/// fills this from what it executed; <see cref="AnalyticalActivity"/> estimates it from the mapping. The cost
/// model divides by <see cref="Images"/> to price one image, so one simulation can be priced under many tables.
/// </summary>
public sealed record ActionCounts
{
    /// <summary>Images the counts are summed over (at least 1).</summary>
    public required long Images { get; init; }

    public required IReadOnlyList<LayerActionCounts> Layers { get; init; }

    /// <summary>Where the counts come from ("analytical: …", "simulated").</summary>
    public required string Source { get; init; }

    /// <summary>Every counter summed over the layers.</summary>
    public LayerActionCounts Total => Layers.Aggregate(new LayerActionCounts { LayerId = -1, Layer = "total", Actions = ActionTable.Empty }, (a, l) => a.Plus(l));
}
