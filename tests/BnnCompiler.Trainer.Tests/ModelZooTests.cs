using System.Globalization;
using System.Security.Cryptography;
using BnnCompiler.Data;
using BnnCompiler.Trainer.Export;

namespace BnnCompiler.Trainer.Tests;

/// <summary>
/// Re-measures every committed model in ONNX Runtime on its shipped test set and checks the figures written in
/// onnx-models/MODELS.md, and that the plain and QONNX exports of each network predict identically.
/// </summary>
public sealed class ModelZooTests
{
    private static readonly Lazy<IReadOnlyList<ModelCardRow>> Rows =
        new(() => ModelCard.Read(Path.Combine(RepoPaths.Models, "MODELS.md")));

    /// <summary>The zoo: each network in both dialects, with the accuracy target it must reach.</summary>
    public static TheoryData<string, double> Networks => new()
    {
        { "fmnist-cnn", 89.0 },
        { "fmnist-mlp", 84.0 },
        { "fmnist-rescnn", 86.0 },
        { "mnist-cnn", 97.0 },
    };

    [Fact]
    public void Model_card_lists_every_committed_model_file()
    {
        var listed = Rows.Value.Select(r => r.File).Order(StringComparer.Ordinal).ToArray();
        var files = Directory.GetFiles(RepoPaths.Models, "*.onnx").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(files, listed);
        foreach (var (stem, _) in Networks.Select(t => ((string)t[0], (double)t[1])))
        {
            Assert.Contains(stem + ".onnx", listed);
            Assert.Contains(stem + ".qonnx.onnx", listed);
        }
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Should_reach_the_accuracy_written_in_the_model_card_in_both_dialects(string stem, double targetPercent)
    {
        var plainRow = Rows.Value.Single(r => r.File == stem + ".onnx");
        var qonnxRow = Rows.Value.Single(r => r.File == stem + ".qonnx.onnx");
        Assert.Equal(plainRow.Data, qonnxRow.Data);
        var data = DatasetCatalog.Load(plainRow.Data);

        var predictions = new Dictionary<string, int[]>();
        foreach (var row in new[] { plainRow, qonnxRow })
        {
            var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Models, row.File));
            Assert.Equal(row.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            Assert.Equal(row.File.EndsWith(".qonnx.onnx", StringComparison.Ordinal), OrtCheck.IsQonnx(bytes));
            var p = OrtCheck.Predict(bytes, data);
            var (hits, count) = OrtCheck.Score(p, data);
            Assert.Equal(row.Images, count);
            Assert.Equal(row.Correct, hits);
            Assert.Equal(row.TopOnePercent.ToString("F2", CultureInfo.InvariantCulture),
                (100.0 * hits / count).ToString("F2", CultureInfo.InvariantCulture));
            Assert.True(100.0 * hits / count >= targetPercent, $"{row.File}: {100.0 * hits / count:F2} % is below the target {targetPercent} %");
            predictions[row.File] = p;
        }

        Assert.Equal(predictions[plainRow.File], predictions[qonnxRow.File]);
    }
}
