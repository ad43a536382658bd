namespace BnnCompiler.Cli.Output;

/// <summary>Writes a file through a temporary sibling and a rename, so a failed run never leaves half a file.</summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string text)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        File.WriteAllText(temp, text);
        File.Move(temp, full, overwrite: true);
    }
}
