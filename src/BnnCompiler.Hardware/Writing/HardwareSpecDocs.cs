using System.Text;

namespace BnnCompiler.Hardware;

/// <summary>
/// The Markdown tables of docs/hwspec.md, generated from <see cref="HardwareSpecSchema"/> and
/// <see cref="HardwareSpecCodes"/>; a test keeps the document in step with them.
/// </summary>
public static class HardwareSpecDocs
{
    public const string KeysBegin = "<!-- generated: keys -->";
    public const string KeysEnd = "<!-- end generated: keys -->";
    public const string CodesBegin = "<!-- generated: codes -->";
    public const string CodesEnd = "<!-- end generated: codes -->";

    /// <summary>One row per key: path, allowed values, unit, default, description.</summary>
    public static string KeyTable()
    {
        var builder = new StringBuilder();
        builder.Append("| key | allowed | unit | default | description |\n");
        builder.Append("|---|---|---|---|---|\n");
        foreach (var field in HardwareSpecSchema.Fields)
        {
            builder.Append("| `").Append(field.Path).Append("` | ")
                .Append(Cell(field.Type.Allowed)).Append(" | ")
                .Append(Cell(field.Unit)).Append(" | ")
                .Append('`').Append(field.DefaultText).Append("` | ")
                .Append(Cell(field.Description)).Append(" |\n");
        }

        return builder.ToString();
    }

    /// <summary>One row per diagnostic code.</summary>
    public static string CodeTable()
    {
        var builder = new StringBuilder();
        builder.Append("| code | meaning |\n");
        builder.Append("|---|---|\n");
        foreach (var (code, meaning) in HardwareSpecCodes.All)
        {
            builder.Append("| ").Append(code).Append(" | ").Append(Cell(meaning)).Append(" |\n");
        }

        return builder.ToString();
    }

    /// <summary>The document with its generated parts replaced by freshly generated tables.</summary>
    public static string Regenerate(string document) =>
        Replace(Replace(document, KeysBegin, KeysEnd, KeyTable()), CodesBegin, CodesEnd, CodeTable());

    private static string Replace(string document, string begin, string end, string table)
    {
        var start = document.IndexOf(begin, StringComparison.Ordinal);
        var stop = document.IndexOf(end, StringComparison.Ordinal);
        if (start < 0 || stop < start)
        {
            throw new InvalidOperationException($"the document lacks the markers {begin} … {end}");
        }

        return document[..(start + begin.Length)] + "\n" + table + document[stop..];
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
