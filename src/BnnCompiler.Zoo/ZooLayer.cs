namespace BnnCompiler.Zoo;

/// <summary>What a weight layer of a zoo network is; every kind has binary (±1) weights.</summary>
public enum ZooLayerKind
{
    /// <summary>The first convolution: its input is the raw multi-bit image, not binarized.</summary>
    FirstConv,

    /// <summary>A convolution on binarized activations.</summary>
    Conv,

    /// <summary>ResNet-E's 1×1 shortcut convolution, after a 2×2/2 average pool.</summary>
    ShortcutConv,

    /// <summary>DenseNet's 1×1 transition convolution, after a 2×2/2 max pool.</summary>
    TransitionConv,

    /// <summary>A fully connected layer (ONNX Gemm) on binarized activations.</summary>
    Dense,
}

/// <summary>
/// One weight layer as the hardware sees it. Shapes are the layer's own: <see cref="InHeight"/> is the
/// height of the tensor the convolution reads (after any pool in front of it), and a dense layer is a
/// 1×1 convolution on a 1×1 map. <see cref="Macs"/> = out H × out W × Cin × k² × Cout with Keras "same"
/// padding, as Larq Zoo builds the layers.
/// </summary>
/// <param name="Index">1-based position in the network.</param>
/// <param name="Name">The layer's name; also the name of its ONNX Conv or Gemm node.</param>
/// <param name="LarqFullPrecision">Larq Zoo keeps this layer's weights in full precision; the study (and this
/// generator) binarizes them anyway.</param>
/// <param name="Note">What sits around the layer, for the docs.</param>
public sealed record ZooLayer(
    int Index,
    string Name,
    ZooLayerKind Kind,
    int InChannels,
    int OutChannels,
    int Kernel,
    int Stride,
    int InHeight,
    int InWidth,
    int OutHeight,
    int OutWidth,
    bool LarqFullPrecision,
    string Note)
{
    /// <summary>Weights: Cout × Cin × k².</summary>
    public long Weights => (long)OutChannels * InChannels * Kernel * Kernel;

    /// <summary>Multiply-accumulates for one image.</summary>
    public long Macs => (long)OutHeight * OutWidth * Weights;

    /// <summary>True only for the first layer, whose input is the multi-bit image.</summary>
    public bool MultiBitInput => Kind == ZooLayerKind.FirstConv;
}
