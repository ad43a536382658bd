using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Onnx.Checking;
using Google.Protobuf;
using Onnx;

namespace BnnCompiler.Onnx.Import;

/// <summary>
/// Reads an ONNX file into ONNX's own protobuf classes (after checking its size against the cap) and runs
/// <see cref="OnnxChecker"/> on it, so that no tensor is decoded from a model that breaks a rule.
/// </summary>
public static class OnnxModelLoader
{
    public const long DefaultMaxModelBytes = ModelLimits.DefaultMaxModelBytes;

    public static ModelProto Load(string path, ModelLimits? limits = null)
    {
        limits ??= ModelLimits.Default;
        if (!File.Exists(path))
        {
            throw new DiagnosticException(Diagnostic.Error("BNN3001", "model file not found", new SourceLocation(path)));
        }

        var length = new FileInfo(path).Length;
        if (length > limits.MaxModelBytes)
        {
            throw new DiagnosticException(Diagnostic.Error("BNN3002",
                $"model is {length:N0} bytes, above the cap of {limits.MaxModelBytes:N0} bytes; raise it with --max-model-mb",
                new SourceLocation(path)));
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DiagnosticException(Diagnostic.Error("BNN3001", $"cannot read the model file: {e.Message}", new SourceLocation(path)));
        }

        return Parse(bytes, path, limits);
    }

    public static ModelProto Parse(byte[] bytes, string fileName, ModelLimits? limits = null)
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

        if (model.Graph is null || (model.Graph.Node.Count == 0 && model.Graph.Output.Count == 0))
        {
            throw new DiagnosticException(Diagnostic.Error("BNN3003", "not a valid ONNX model: it holds no graph", new SourceLocation(fileName)));
        }

        OnnxChecker.Check(model, fileName, limits ?? ModelLimits.Default);
        return model;
    }
}
