using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Onnx.Building;
using BnnCompiler.Onnx.Reference;

namespace BnnCompiler.Onnx.Tests;

/// <summary>What ONNX Runtime refuses (past the checker) is a BNN3030 diagnostic with its message and the model's file.</summary>
public class OrtRefusalTests
{
    [Fact]
    public void Should_Turn_A_Refused_Model_Into_A_Diagnostic_Naming_The_File()
    {
        var b = new OnnxModelBuilder("refused", opset: 999);
        var x = b.Input("x", [1, 4]);
        b.Output(b.Node("Relu", [x]), [1, 4]);
        var e = Assert.Throws<DiagnosticException>(() => new OrtRunner(b.ToBytes(), modelName: "refused.onnx"));
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal("BNN3030", d.Code);
        Assert.StartsWith("refused.onnx: error BNN3030: ONNX Runtime refuses this model: ", d.ToString());
        Assert.Contains("999", d.Message);
    }

    [Fact]
    public void Should_Turn_A_Refused_Run_Into_A_Diagnostic()
    {
        // A Reshape whose shape cannot hold the input passes loading and fails when a sample runs.
        var b = new OnnxModelBuilder("bad-run");
        var x = b.Input("x", [1, 4]);
        var shape = b.InitializerInt64("shape", [2], [3, 3]);
        b.Output(b.Node("Reshape", [x, shape]), [3, 3]);
        using var runner = new OrtRunner(b.ToBytes(), modelName: "bad-run.onnx");
        var e = Assert.Throws<DiagnosticException>(() => runner.Run(new float[4]));
        Assert.StartsWith("bad-run.onnx: error BNN3030: ONNX Runtime refuses this model: ", Assert.Single(e.Diagnostics).ToString());
    }
}
