using BnnCompiler.Core.Diagnostics;

namespace BnnCompiler.Cli.Output;

/// <summary>
/// Checks, before a command does its work, that its output file or folder can be written (BNN1010 naming the
/// path otherwise), and turns a write that fails later into the same diagnostic.
/// </summary>
public static class OutputPaths
{
    public const string Unwritable = "BNN1010";

    /// <summary>Creates the file's folder and a probe file beside it, then removes the probe.</summary>
    public static void CheckFile(string path)
    {
        if (Directory.Exists(Full(path)))
        {
            throw Error(path, new IOException("it is a folder; a file name is needed"));
        }

        Probe(path, Path.GetDirectoryName(Full(path))!);
    }

    /// <summary>Creates the folder and a probe file inside it, then removes the probe.</summary>
    public static void CheckDirectory(string directory) => Probe(directory, Full(directory));

    /// <summary>Runs a write; an I/O or permission failure becomes BNN1010 naming <paramref name="path"/>.</summary>
    public static void Guard(string path, Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            throw Error(path, e);
        }
    }

    /// <summary>Whether an exception is an operating-system refusal to create or write a file.</summary>
    public static bool IsWriteFailure(Exception e) =>
        e is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException
            || (e is ArgumentException && e is not ArgumentNullException);

    public static DiagnosticException Error(string path, Exception e) =>
        new(Diagnostic.Error(Unwritable, $"cannot write the output: {e.Message.TrimEnd('.')}; choose a path in a writable folder",
            new SourceLocation(path)));

    private static string Full(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            throw Error(path, e);
        }
    }

    private static void Probe(string path, string directory)
    {
        Guard(path, () =>
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".bnnc-probe.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        });
    }
}
