namespace BnnCompiler.Hardware;

/// <summary>Weight duplication: extra copies of a layer's weights on extra tiles to speed it up.</summary>
public sealed record DuplicationSpec
{
    public required DuplicationMode Mode { get; init; }

    /// <summary>Copies of every layer in <see cref="DuplicationMode.Fixed"/> mode (1 = no duplication).</summary>
    public required int Degree { get; init; }

    /// <summary>Most copies of any one layer in <see cref="DuplicationMode.Auto"/> mode.</summary>
    public required int MaxCopies { get; init; }

    /// <summary>Most tiles all layers and copies together may use in auto mode, or null for no limit.</summary>
    public required int? TileBudget { get; init; }
}
