using System.Text;

namespace BnnCompiler.Isa.Text;

/// <summary>One token of a program line: its text (quotes removed), its 1-based column, and whether it was quoted.</summary>
internal readonly record struct Token(string Text, int Column);

/// <summary>
/// Splits a program line into tokens at spaces; <c>key="quoted value"</c> keeps its spaces and escapes; <c>#</c>
/// outside quotes starts a comment. Returns null (with <paramref name="error"/>) for an unclosed quote or a bad escape.
/// </summary>
internal static class LineTokenizer
{
    public static List<Token>? Split(string line, out (string Message, int Column)? error)
    {
        error = null;
        var tokens = new List<Token>();
        var i = 0;
        while (i < line.Length)
        {
            if (line[i] is ' ' or '\t')
            {
                i++;
                continue;
            }

            if (line[i] == '#')
            {
                break;
            }

            var start = i;
            var sb = new StringBuilder();
            while (i < line.Length && line[i] is not (' ' or '\t'))
            {
                if (line[i] != '"')
                {
                    sb.Append(line[i++]);
                    continue;
                }

                var quote = i++;
                var closed = false;
                while (i < line.Length)
                {
                    var ch = line[i++];
                    if (ch == '"')
                    {
                        closed = true;
                        break;
                    }

                    if (ch != '\\')
                    {
                        sb.Append(ch);
                        continue;
                    }

                    if (i >= line.Length || line[i] is not ('"' or '\\' or 'n' or 'r'))
                    {
                        error = ("unknown escape in a quoted value; use \\\" \\\\ \\n or \\r", i);
                        return null;
                    }

                    sb.Append(line[i++] switch { 'n' => '\n', 'r' => '\r', var c => c });
                }

                if (!closed)
                {
                    error = ("unclosed quote", quote + 1);
                    return null;
                }
            }

            tokens.Add(new Token(sb.ToString(), start + 1));
        }

        return tokens;
    }
}
