namespace BnnCompiler.Onnx.Checking;

/// <summary>Resource caps a model must respect before any of its tensors is materialised.</summary>
/// <param name="MaxModelBytes">Largest model file accepted (<c>--max-model-mb</c>).</param>
/// <param name="MaxElements">Most elements any one tensor may hold (<c>--max-elements</c>): initializers, graph inputs and outputs, and every tensor the importer computes.</param>
public sealed record ModelLimits(long MaxModelBytes, long MaxElements)
{
    public const long DefaultMaxModelBytes = 2L * 1024 * 1024 * 1024 - 1;

    /// <summary>2^28 elements (1 GiB of float32), above every tensor of the study's ImageNet models.</summary>
    public const long DefaultMaxElements = 1L << 28;

    public static ModelLimits Default { get; } = new(DefaultMaxModelBytes, DefaultMaxElements);
}
