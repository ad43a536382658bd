namespace BnnCompiler.Core.IO;

/// <summary>
/// Writes a file through a uniquely named temporary sibling and a rename, so a failed write never leaves half a file
/// at the target and never leaves the temporary file behind. Every writer of output files (reports, plots, programs,
/// models) goes through here.
/// </summary>
public static class AtomicWrite
{
    /// <summary>Runs <paramref name="write"/> on a temporary sibling of <paramref name="path"/>, then renames it into place.</summary>
    public static void File(string path, Action<string> write)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            write(temp);
            System.IO.File.Move(temp, full, overwrite: true);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8) atomically.</summary>
    public static void Text(string path, string text) => File(path, temp => System.IO.File.WriteAllText(temp, text));

    private static void TryDelete(string temp)
    {
        try
        {
            System.IO.File.Delete(temp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The temporary file was never created, or its folder cannot be written: nothing to remove.
        }
    }
}
