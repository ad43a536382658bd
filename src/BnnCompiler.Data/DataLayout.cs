namespace BnnCompiler.Data;

/// <summary>How a four-dimensional images file orders its axes.</summary>
public enum DataLayout
{
    /// <summary>Decided from the model's input shape, else from which axis looks like channels (see docs/datasets.md).</summary>
    Auto,

    /// <summary>(N, C, H, W): channel-major images, ONNX's and PyTorch's order.</summary>
    Nchw,

    /// <summary>(N, H, W, C): channel-last images, the order of TensorFlow and of most image files.</summary>
    Nhwc,
}
