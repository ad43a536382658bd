using BnnCompiler.Core.Diagnostics;
using Google.Protobuf;
using Onnx;

namespace BnnCompiler.Onnx.Import;

/// <summary>
/// Reads an ONNX file into ONNX's own protobuf classes and checks what the importer supports: IR version
/// 3 and up, default-domain opset 9 and up, weights stored inside the file, a size cap.
/// </summary>
public static class OnnxModelLoader
{
    public const long DefaultMaxModelBytes = 2L * 1024 * 1024 * 1024 - 1;

    public static ModelProto Load(string path, long maxModelBytes = DefaultMaxModelBytes)
    {
        if (!File.Exists(path))
        {
            throw new DiagnosticException(Diagnostic.Error("BNN3001", "model file not found", new SourceLocation(path)));
        }

        var length = new FileInfo(path).Length;
        if (length > maxModelBytes)
        {
            throw new DiagnosticException(Diagnostic.Error("BNN3002",
                $"model is {length:N0} bytes, above the cap of {maxModelBytes:N0} bytes; raise it with --max-model-mb",
                new SourceLocation(path)));
        }

        return Parse(File.ReadAllBytes(path), path);
    }

    public static ModelProto Parse(byte[] bytes, string fileName)
    {
        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new DiagnosticException(Diagnostic.Error("BNN3003",
                $"not a valid ONNX model (protobuf could not be decoded: {e.Message.TrimEnd('.')}); the file may be truncated or not ONNX",
                new SourceLocation(fileName)));
        }

        Validate(model, fileName);
        return model;
    }

    private static void Validate(ModelProto model, string fileName)
    {
        var location = new SourceLocation(fileName);
        if (model.Graph is null || (model.Graph.Node.Count == 0 && model.Graph.Output.Count == 0))
        {
            throw new DiagnosticException(Diagnostic.Error("BNN3003", "not a valid ONNX model: it holds no graph", location));
        }

        var bag = new DiagnosticBag();
        if (model.IrVersion < 3)
        {
            bag.Error("BNN3005", $"ONNX IR version {model.IrVersion} is not supported; supported: IR version 3 and up", location);
        }

        var defaultOpset = model.OpsetImport.FirstOrDefault(o => o.Domain is "" or "ai.onnx")?.Version ?? 0;
        if (defaultOpset < 9)
        {
            bag.Error("BNN3005", $"default-domain opset {defaultOpset} is not supported; supported: opset 9 and up", location);
        }

        foreach (var tensor in model.Graph.Initializer.Where(t => t.DataLocation == TensorProto.Types.DataLocation.External || t.ExternalData.Count > 0))
        {
            bag.Error("BNN3004",
                $"initializer '{tensor.Name}' keeps its data in an external file; external data is not supported: save the model with all tensors inside the .onnx file",
                location);
        }

        bag.ThrowIfErrors();
    }
}
