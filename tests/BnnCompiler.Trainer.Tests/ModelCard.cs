using System.Globalization;
using System.Text.RegularExpressions;

namespace BnnCompiler.Trainer.Tests;

/// <summary>One row of the summary table of onnx-models/MODELS.md.</summary>
internal sealed record ModelCardRow(string File, string Data, int Correct, int Images, double TopOnePercent, string Sha256);

/// <summary>
/// Reads the table of onnx-models/MODELS.md whose header is
/// <c>| file | architecture | trained on | measured on | top-1 (ONNX Runtime) | correct | sha256 |</c>.
/// </summary>
internal static partial class ModelCard
{
    public static IReadOnlyList<ModelCardRow> Read(string path)
    {
        var rows = new List<ModelCardRow>();
        foreach (var line in File.ReadLines(path))
        {
            var cells = line.Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length < 9 || !FileCell().IsMatch(cells[1]))
            {
                continue;
            }

            var correct = CorrectCell().Match(cells[6]);
            var percent = PercentCell().Match(cells[5]);
            if (!correct.Success || !percent.Success)
            {
                throw new FormatException($"{path}: cannot read the accuracy of row '{line}'");
            }

            rows.Add(new ModelCardRow(
                FileCell().Match(cells[1]).Groups[1].Value,
                cells[4].Trim('`'),
                int.Parse(correct.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture),
                int.Parse(correct.Groups[2].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture),
                double.Parse(percent.Groups[1].Value, CultureInfo.InvariantCulture),
                cells[7].Trim('`')));
        }

        return rows;
    }

    [GeneratedRegex(@"^`([\w.-]+\.onnx)`$")]
    private static partial Regex FileCell();

    [GeneratedRegex(@"^([\d,]+)\s*/\s*([\d,]+)$")]
    private static partial Regex CorrectCell();

    [GeneratedRegex(@"^(\d+\.\d\d)\s*%$")]
    private static partial Regex PercentCell();
}
