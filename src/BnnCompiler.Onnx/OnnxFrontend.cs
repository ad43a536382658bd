using BnnCompiler.Core.Ir;
using BnnCompiler.Onnx.Import;
using BnnCompiler.Passes;
using BnnCompiler.Passes.Recognition;

namespace BnnCompiler.Onnx;

/// <summary>The front end: load an ONNX file, translate it to IR, and recognise its binarized layers.</summary>
public static class OnnxFrontend
{
    public static ImportedModel Load(string path, long maxModelBytes = OnnxModelLoader.DefaultMaxModelBytes,
        Action<IIrPass, IrGraph>? afterPass = null)
    {
        var model = OnnxModelLoader.Load(path, maxModelBytes);
        var graph = OnnxImporter.Import(model, path, out var shapes);
        RecognitionPipeline.Create(afterPass).Run(graph);
        return new ImportedModel(path, model, graph, DialectDetector.Detect(model), shapes);
    }

    /// <summary>Imports from bytes already in memory (tests, generated models).</summary>
    public static ImportedModel FromBytes(byte[] bytes, string name)
    {
        var model = OnnxModelLoader.Parse(bytes, name);
        var graph = OnnxImporter.Import(model, name, out var shapes);
        RecognitionPipeline.Create().Run(graph);
        return new ImportedModel(name, model, graph, DialectDetector.Detect(model), shapes);
    }
}
