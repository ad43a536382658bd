using BnnCompiler.Core.Ir;
using BnnCompiler.Onnx.Checking;
using BnnCompiler.Onnx.Import;
using BnnCompiler.Passes;
using BnnCompiler.Passes.Recognition;

namespace BnnCompiler.Onnx;

/// <summary>The front end: load and check an ONNX file, translate it to IR, and recognise its binarized layers.</summary>
public static class OnnxFrontend
{
    public static ImportedModel Load(string path, ModelLimits? limits = null, Action<IIrPass, IrGraph>? afterPass = null)
    {
        limits ??= ModelLimits.Default;
        var model = OnnxModelLoader.Load(path, limits);
        return Import(model, path, limits, afterPass);
    }

    /// <summary>Imports from bytes already in memory (tests, generated models).</summary>
    public static ImportedModel FromBytes(byte[] bytes, string name, ModelLimits? limits = null)
    {
        limits ??= ModelLimits.Default;
        return Import(OnnxModelLoader.Parse(bytes, name, limits), name, limits, null);
    }

    private static ImportedModel Import(global::Onnx.ModelProto model, string path, ModelLimits limits, Action<IIrPass, IrGraph>? afterPass)
    {
        var graph = OnnxImporter.Import(model, path, limits, out var shapes, out var warnings);
        RecognitionPipeline.Create(afterPass).Run(graph);
        return new ImportedModel(path, model, graph, DialectDetector.Detect(model), shapes) { Warnings = warnings };
    }
}
