namespace BnnCompiler.Cli.Output;

/// <summary>
/// Writes a file through a temporary sibling and a rename, so a failed run never leaves half a file; a write the
/// operating system refuses is a BNN1010 diagnostic naming the path, and the temporary file is removed.
/// </summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string text) => Write(path, temp => File.WriteAllText(temp, text));

    /// <summary>Runs <paramref name="write"/> on a temporary sibling of <paramref name="path"/>, then renames it into place.</summary>
    public static void Write(string path, Action<string> write) => OutputPaths.Guard(path, () => Core.IO.AtomicWrite.File(path, write));
}
