using BnnCompiler.Core.Diagnostics;

namespace BnnCompiler.Isa.Text;

/// <summary>
/// Reads the text of <see cref="ProgramWriter"/> back into a <see cref="MappedProgram"/>. A hand-edited file is
/// user input: every problem found is reported together as a <see cref="DiagnosticException"/> with
/// <c>file(line,col)</c> and a BNN600x code (<see cref="IsaCodes"/>). Comments (<c>#</c>) and blank lines are ignored.
/// </summary>
public static class ProgramReader
{
    public static MappedProgram Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DiagnosticException(Diagnostic.Error(IsaCodes.NotAProgram, $"cannot read the program file: {e.Message}", new SourceLocation(path)));
        }

        return Parse(text, path);
    }

    public static MappedProgram Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var state = new ReaderState(file);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            state.Line(i + 1, lines[i].TrimEnd('\r'));
            if (state.Fatal)
            {
                break;
            }
        }

        return state.Finish(lines.Length);
    }
}
