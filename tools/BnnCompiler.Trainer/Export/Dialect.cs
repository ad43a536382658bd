using BnnCompiler.Onnx.Building;
using BnnCompiler.Trainer.Model;

namespace BnnCompiler.Trainer.Export;

/// <summary>The two ONNX dialects the trainer writes.</summary>
internal enum Dialect
{
    /// <summary>Plain PyTorch-style: weights stored as ±1 (or α·±1), activations Where(GreaterOrEqual(x, 0), 1, −1).</summary>
    Plain,

    /// <summary>QONNX: latent float weights behind BipolarQuant(W, scale), activations BipolarQuant(x, 1).</summary>
    Qonnx,
}
