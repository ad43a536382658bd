using System.CommandLine.Parsing;

namespace BnnCompiler.Cli.CommandLine;

/// <summary>
/// Reads a response file (<c>@FILE</c> on the command line): each line holds one or more arguments, quoted as on a
/// shell line; blank lines and lines starting with <c>#</c> are skipped. Switches in it are rewritten like those on
/// the command line (<see cref="FlagValues"/>).
/// </summary>
public static class ResponseFile
{
    public static bool TryRead(string path, IReadOnlyList<OptionSpec> specs, out IReadOnlyList<string>? tokens, out string? error)
    {
        tokens = null;
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = $"response file '{path}' cannot be read: {(e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message)}";
            return false;
        }

        var args = lines.Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#').SelectMany(CommandLineParser.SplitCommandLine);
        var (rewritten, message) = FlagValues.Rewrite(args, specs);
        error = message is null ? null : $"in response file '{path}': {message}";
        tokens = rewritten;
        return message is null;
    }
}
