using System.Text;

namespace BnnCompiler.Cli.Output;

/// <summary>A plain-text table with aligned columns (numbers right-aligned).</summary>
public sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params object[] cells) => _rows.Add(cells.Select(c => c.ToString() ?? string.Empty).ToArray());

    public override string ToString()
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        var numeric = headers.Select((_, i) => _rows.Count > 0 && _rows.All(r => r[i].Length == 0 || double.TryParse(r[i].TrimEnd((char)37).Replace(",", string.Empty), System.Globalization.CultureInfo.InvariantCulture, out double _))).ToArray();
        var sb = new StringBuilder();
        void Line(string[] cells) => sb.AppendLine(string.Join("  ", cells.Select((c, i) => numeric[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd());
        Line(headers);
        sb.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var r in _rows)
        {
            Line(r);
        }

        return sb.ToString();
    }
}
