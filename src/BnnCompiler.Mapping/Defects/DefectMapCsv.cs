using System.Globalization;
using System.Text;
using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Core.IO;

namespace BnnCompiler.Mapping.Defects;

/// <summary>
/// The defect map's file: CSV with the header <c>tile,pe,subarray,row,column,state</c>, one stuck cell a line, state
/// <c>stuck_on</c> or <c>stuck_off</c>; blank lines and lines starting with # are skipped. Indices are non-negative
/// integers (tile id, PE index in the tile, subarray index in the PE, physical row and column, spares included).
/// A file that breaks this is <see cref="MappingCodes.BadDefectMap"/> naming the file, the line and what is allowed.
/// </summary>
public static class DefectMapCsv
{
    public const string Header = "tile,pe,subarray,row,column,state";

    private static readonly string[] Columns = ["tile", "pe", "subarray", "row", "column"];

    public static DefectMap Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw Bad(path, null, "the defect map file does not exist");
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Bad(path, null, $"the defect map file cannot be read ({e.Message})");
        }

        var entries = new List<DefectEntry>();
        var headerSeen = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!headerSeen)
            {
                if (!string.Equals(line.Replace(" ", "", StringComparison.Ordinal), Header, StringComparison.OrdinalIgnoreCase))
                {
                    throw Bad(path, i + 1, $"the first line must be the header '{Header}', not '{Shorten(line)}'");
                }

                headerSeen = true;
                continue;
            }

            entries.Add(Parse(path, i + 1, line));
        }

        if (!headerSeen)
        {
            throw Bad(path, null, $"the file is empty: a defect map starts with the header '{Header}'");
        }

        var duplicate = entries.GroupBy(e => (e.Tile, e.Pe, e.Subarray, e.Row, e.Column)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            var second = duplicate.Skip(1).First();
            throw Bad(path, second.Line, $"the cell is listed twice (first on line {duplicate.First().Line})");
        }

        return new DefectMap(entries);
    }

    /// <summary>Writes the map (header, then one line per stuck cell in the map's order) through an atomic write.</summary>
    public static void Write(string path, DefectMap map, string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        var text = new StringBuilder();
        if (comment is not null)
        {
            foreach (var line in comment.Split('\n'))
            {
                text.Append("# ").Append(line.TrimEnd()).Append('\n');
            }
        }

        text.Append(Header).Append('\n');
        foreach (var e in map.Entries)
        {
            text.Append(CultureInfo.InvariantCulture, $"{e.Tile},{e.Pe},{e.Subarray},{e.Row},{e.Column},{Word(e.State)}\n");
        }

        AtomicWrite.Text(path, text.ToString());
    }

    public static string Word(StuckState state) => state == StuckState.On ? "stuck_on" : "stuck_off";

    private static DefectEntry Parse(string path, int lineNumber, string line)
    {
        var fields = line.Split(',');
        if (fields.Length != 6)
        {
            throw Bad(path, lineNumber, $"{fields.Length} fields where {Header} needs 6");
        }

        var values = new int[5];
        for (var f = 0; f < 5; f++)
        {
            var text = fields[f].Trim();
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out values[f]))
            {
                throw Bad(path, lineNumber, $"{Columns[f]} '{Shorten(text)}' is not a non-negative integer");
            }
        }

        var state = fields[5].Trim().ToLowerInvariant() switch
        {
            "stuck_on" => StuckState.On,
            "stuck_off" => StuckState.Off,
            var other => throw Bad(path, lineNumber, $"state '{Shorten(other)}' is not one of stuck_on, stuck_off"),
        };
        return new DefectEntry(values[0], values[1], values[2], values[3], values[4], state) { Line = lineNumber };
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static DiagnosticException Bad(string path, int? line, string message) =>
        new(Diagnostic.Error(MappingCodes.BadDefectMap, message, new SourceLocation(path, line)));
}
