using Google.Protobuf;
using Onnx;

namespace BnnCompiler.Zoo;

/// <summary>Writes a generated model atomically: streamed into a temporary file beside the target, then renamed over it.</summary>
internal static class ModelFiles
{
    public static void Write(ModelProto model, string outputPath) => Core.IO.AtomicWrite.File(outputPath, temp =>
    {
        using var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        model.WriteTo(stream);
    });
}
