namespace BnnCompiler.Testing;

/// <summary>The exporter dialects the test models are written in.</summary>
public enum Dialect
{
    /// <summary>BipolarQuant in domain onnx.brevitas with no opset import for it (as Brevitas ≤ 0.11 writes).</summary>
    QonnxBrevitas,

    /// <summary>BipolarQuant in domain qonnx.custom_op.general with its opset import.</summary>
    QonnxGeneral,

    /// <summary>Quant with bit width 1, signed (bipolar), in qonnx.custom_op.general.</summary>
    QonnxQuant1Bit,

    /// <summary>FINN-ONNX: MultiThreshold (domain finn.custom_op.general) and BIPOLAR-annotated ±1 weights.</summary>
    Finn,

    /// <summary>FINN-ONNX with the older domain name "finn".</summary>
    FinnLegacy,

    /// <summary>Plain PyTorch: Sign (Sign(0) = 0) on activations, latent float weights behind Sign.</summary>
    PyTorchSign,

    /// <summary>Plain PyTorch straight-through: Where(GreaterOrEqual(x, 0), 1, −1), weights stored ±α.</summary>
    PyTorchWhere,

    /// <summary>Plain PyTorch: Cast(x ≥ 0)·2 − 1, weights stored ±α.</summary>
    PyTorchCast,

    /// <summary>Larq via tf2onnx: Sign → Add(0.1) → Sign (0 → +1), weights stored ±1.</summary>
    Larq,
}
