using Google.Protobuf;
using Onnx;

namespace BnnCompiler.Zoo;

/// <summary>Writes a generated model atomically: streamed into a temporary file beside the target, then renamed over it.</summary>
internal static class ModelFiles
{
    public static void Write(ModelProto model, string outputPath)
    {
        var full = Path.GetFullPath(outputPath);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            {
                model.WriteTo(stream);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
