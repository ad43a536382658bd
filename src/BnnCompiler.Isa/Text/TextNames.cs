using System.Globalization;
using System.Text;
using System.Text.Json;

namespace BnnCompiler.Isa.Text;

/// <summary>How values are spelled in the program text: snake_case enums, "chip" for the chip tile, quoted strings.</summary>
internal static class TextNames
{
    public static string Enum<T>(T value) where T : struct, System.Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static bool TryEnum<T>(string text, out T value) where T : struct, System.Enum
    {
        foreach (var candidate in System.Enum.GetValues<T>())
        {
            if (Enum(candidate) == text)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static string Choices<T>() where T : struct, System.Enum => string.Join(", ", System.Enum.GetValues<T>().Select(Enum));

    public static string Tile(int tile) => tile == Instruction.Chip ? "chip" : Int(tile);

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Double(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string List(IEnumerable<int> values) => string.Join(",", values.Select(v => Int(v)));

    /// <summary>A string bare when it is made of safe characters, else in double quotes with \" \\ \n escapes.</summary>
    public static string Quote(string text)
    {
        if (text.Length > 0 && text.All(IsBare))
        {
            return text;
        }

        var sb = new StringBuilder("\"");
        foreach (var ch in text)
        {
            sb.Append(ch switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                _ => ch.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }

    public static bool IsBare(char ch) => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '.' or ':' or '/' or '+' or '-' or '@';
}
