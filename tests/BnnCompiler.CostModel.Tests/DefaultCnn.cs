using BnnCompiler.Testing;

namespace BnnCompiler.CostModel.Tests;

/// <summary>The shipped default CNN (onnx-models/fmnist-cnn.onnx), imported once for every pricing test that maps it.</summary>
internal static class DefaultCnn
{
    private static readonly Lazy<BnnCompiler.Core.Ir.IrGraph> Imported =
        new(() => BnnCompiler.Onnx.OnnxFrontend.Load(RepoPaths.Require(RepoPaths.Repo("onnx-models/fmnist-cnn.onnx"))).Graph);

    /// <summary>The imported graph (read only: the mapper does not change it).</summary>
    public static BnnCompiler.Core.Ir.IrGraph Graph => Imported.Value;
}
