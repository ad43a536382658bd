namespace BnnCompiler.Hardware;

public enum DuplicationMode
{
    /// <summary>Copies are given to the slowest layers to balance the pipeline, within max_copies and tile_budget.</summary>
    Auto,

    /// <summary>Every layer gets pipeline.duplication.degree copies.</summary>
    Fixed,
}
