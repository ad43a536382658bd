namespace BnnCompiler.Hardware;

public enum PipelineMode
{
    /// <summary>All layers run at once on their own tiles; an image's latency is set by the slowest stage.</summary>
    LayerPipelined,

    /// <summary>One layer at a time; latency is the sum of the layers.</summary>
    LayerByLayer,
}
