namespace BnnCompiler.Hardware;

/// <summary>Layer scheduling (<c>pipeline.*</c>).</summary>
public sealed record PipelineSpec
{
    public required PipelineMode Mode { get; init; }

    public required DuplicationSpec Duplication { get; init; }
}
